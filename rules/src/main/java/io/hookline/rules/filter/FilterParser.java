package io.hookline.rules.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.hookline.rules.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a filter expression group (CONTRACT.md section 5) into a {@link Filter}:
 * <pre>{"any": [{"all": [{"field": "data.service.name", "op": "eq", "value": "payments"}, ...]},
 *          {"not": {"field": "data.tags.env", "op": "eq", "value": "staging"}}]}</pre>
 * Every problem is reported at once, each with the JSON path of the offending member ({@code filter.any[0].op}).
 * Thread-safe and stateless.
 */
public final class FilterParser {

    static final int MAX_DEPTH = 16;
    static final int MAX_CONDITIONS = 500;
    private static final Set<String> CONDITION_KEYS = Set.of("field", "op", "value");
    private static final Set<String> GROUP_KEYS = Set.of("all", "any", "not");

    /** The filter of {@code node} ({@link Filter#ALWAYS} for null), or an exception carrying every problem. */
    public Filter parse(JsonNode node) throws InvalidFilterException {
        return parse(node, "filter");
    }

    /** As {@link #parse(JsonNode)}, naming the problems under {@code fieldName} instead of {@code filter}. */
    public Filter parse(JsonNode node, String fieldName) throws InvalidFilterException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Filter.ALWAYS;
        }
        Walk walk = new Walk();
        Filter filter = walk.expression(node, fieldName, 0);
        if (!walk.errors.isEmpty()) {
            throw new InvalidFilterException(walk.errors);
        }
        return filter;
    }

    /** Every problem of {@code node}; empty when it is a valid filter or null. */
    public List<FieldError> validate(JsonNode node, String fieldName) {
        try {
            parse(node, fieldName);
            return List.of();
        } catch (InvalidFilterException e) {
            return e.errors();
        }
    }

    private static final class Walk {
        private final List<FieldError> errors = new ArrayList<>();
        private int conditions;

        Filter expression(JsonNode node, String at, int depth) {
            if (!node.isObject()) {
                return error(at, "must be an object: a condition {field, op, value} or a group {all|any|not}");
            }
            if (depth > MAX_DEPTH) {
                return error(at, "nesting is deeper than " + MAX_DEPTH + " levels");
            }
            List<String> groups = new ArrayList<>();
            node.fieldNames().forEachRemaining(name -> {
                if (GROUP_KEYS.contains(name)) {
                    groups.add(name);
                }
            });
            if (groups.isEmpty()) {
                return condition(node, at);
            }
            if (node.size() != 1) {
                return error(at, "a group has exactly one of all, any or not, and nothing else; found "
                        + names(node));
            }
            String group = groups.get(0);
            JsonNode inner = node.get(group);
            String innerAt = at + "." + group;
            if ("not".equals(group)) {
                return new Filter.Not(expression(inner, innerAt, depth + 1));
            }
            if (!inner.isArray()) {
                return error(innerAt, "must be an array of expressions");
            }
            if (inner.isEmpty()) {
                return error(innerAt, "must not be empty");
            }
            List<Filter> members = new ArrayList<>();
            for (int i = 0; i < inner.size(); i++) {
                members.add(expression(inner.get(i), innerAt + "[" + i + "]", depth + 1));
            }
            return "all".equals(group) ? new Filter.All(members) : new Filter.Any(members);
        }

        private Filter condition(JsonNode node, String at) {
            if (++conditions > MAX_CONDITIONS) {
                return error(at, "a filter has at most " + MAX_CONDITIONS + " conditions");
            }
            int before = errors.size();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!CONDITION_KEYS.contains(name)) {
                    errors.add(new FieldError(at + "." + name,
                            "unknown key: a condition has field, op and value; a group has all, any or not"));
                }
            }
            FieldPath path = path(node.get("field"), at + ".field");
            Operator operator = operator(node.get("op"), at + ".op");
            JsonNode value = node.get("value");
            Pattern regex = operator == null ? null : checkValue(operator, value, at + ".value");
            if (errors.size() > before) {
                return Filter.ALWAYS;
            }
            return new Condition(path, operator, value == null ? BooleanNode.TRUE : value, regex);
        }

        private FieldPath path(JsonNode field, String at) {
            if (field == null || !field.isTextual()) {
                error(at, "is required and must be a dotted path such as data.service.name");
                return null;
            }
            try {
                return FieldPath.parse(field.textValue());
            } catch (IllegalArgumentException e) {
                error(at, e.getMessage());
                return null;
            }
        }

        private Operator operator(JsonNode op, String at) {
            if (op == null || !op.isTextual()) {
                error(at, "is required; one of " + Operator.wireNames());
                return null;
            }
            return Operator.fromWireName(op.textValue()).orElseGet(() -> {
                error(at, "unknown operator \"" + op.textValue() + "\"; one of " + Operator.wireNames());
                return null;
            });
        }

        private Pattern checkValue(Operator operator, JsonNode value, String at) {
            boolean missing = value == null || value.isNull();
            switch (operator) {
                case EXISTS -> {
                    if (!missing && !value.isBoolean()) {
                        error(at, "exists takes true, false or no value");
                    }
                }
                case IN, NIN -> {
                    if (missing || !value.isArray()) {
                        error(at, operator.wireName() + " needs an array of values");
                    }
                }
                case EQ, NEQ -> {
                    if (missing) {
                        error(at, operator.wireName() + " needs a value");
                    }
                }
                case CONTAINS, STARTS_WITH, ENDS_WITH -> {
                    if (missing || !value.isValueNode()) {
                        error(at, operator.wireName() + " needs a string value");
                    }
                }
                case GT, GTE, LT, LTE -> {
                    if (missing || !(value.isNumber() || value.isTextual())) {
                        error(at, operator.wireName() + " needs a number (or a string, compared as text)");
                    }
                }
                case REGEX -> {
                    if (missing || !value.isTextual()) {
                        error(at, "regex needs a string value");
                        return null;
                    }
                    try {
                        return Pattern.compile(value.textValue());
                    } catch (PatternSyntaxException e) {
                        error(at, "invalid regular expression: " + e.getMessage());
                    }
                }
            }
            return null;
        }

        private Filter error(String at, String message) {
            errors.add(new FieldError(at, message));
            return Filter.ALWAYS;
        }

        private static String names(JsonNode node) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return String.join(", ", names);
        }
    }
}
