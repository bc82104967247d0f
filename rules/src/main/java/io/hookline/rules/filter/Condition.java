package io.hookline.rules.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.util.List;

/**
 * One comparison: the values at {@link #path()} against {@link #value()}. When the path reaches several values (through
 * an array) the condition holds if any of them satisfies the operator; the negated operators {@code neq} and
 * {@code nin} hold when none equals. A missing field satisfies only {@code neq}, {@code nin} and
 * {@code exists: false}. Regular expressions use RE2 syntax (linear time, no catastrophic backtracking) and match
 * anywhere in the text unless anchored.
 */
public record Condition(FieldPath path, Operator operator, JsonNode value, Pattern regex) implements Filter {

    @Override
    public boolean test(JsonNode event) {
        List<JsonNode> actual = path.resolve(event);
        return switch (operator) {
            case EXISTS -> actual.isEmpty() != value.asBoolean(true);
            case NEQ -> actual.stream().noneMatch(v -> JsonValues.equal(v, value));
            case NIN -> actual.stream().noneMatch(this::in);
            default -> anyMatches(actual);
        };
    }

    private boolean anyMatches(List<JsonNode> actual) {
        for (JsonNode candidate : actual) {
            if (holds(candidate)) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(JsonNode actual) {
        return switch (operator) {
            case EQ -> JsonValues.equal(actual, value);
            case IN -> in(actual);
            case CONTAINS -> contains(actual);
            case STARTS_WITH -> actual.isValueNode() && actual.asText().startsWith(value.asText());
            case ENDS_WITH -> actual.isValueNode() && actual.asText().endsWith(value.asText());
            case REGEX -> actual.isValueNode() && regex.matcher(actual.asText()).find();
            case GT -> JsonValues.compare(actual, value).map(c -> c > 0).orElse(false);
            case GTE -> JsonValues.compare(actual, value).map(c -> c >= 0).orElse(false);
            case LT -> JsonValues.compare(actual, value).map(c -> c < 0).orElse(false);
            case LTE -> JsonValues.compare(actual, value).map(c -> c <= 0).orElse(false);
            case NEQ, NIN, EXISTS -> throw new IllegalStateException(operator + " is decided over all values");
        };
    }

    private boolean in(JsonNode actual) {
        for (JsonNode candidate : value) {
            if (JsonValues.equal(actual, candidate)) {
                return true;
            }
        }
        return false;
    }

    private boolean contains(JsonNode actual) {
        if (actual.isArray()) {
            for (JsonNode element : actual) {
                if (JsonValues.equal(element, value)) {
                    return true;
                }
            }
            return false;
        }
        if (actual.isObject()) {
            return actual.has(value.asText());
        }
        return actual.isValueNode() && actual.asText().contains(value.asText());
    }
}
