package io.hookline.rules.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Comparison of JSON values the way a filter author expects: numbers by value ({@code 1 == 1.0}, and a numeric string
 * against a number), strings by text, objects and arrays structurally.
 */
final class JsonValues {

    private JsonValues() {
    }

    static boolean equal(JsonNode actual, JsonNode expected) {
        Optional<BigDecimal> left = number(actual);
        Optional<BigDecimal> right = number(expected);
        if (left.isPresent() && right.isPresent() && (actual.isNumber() || expected.isNumber())) {
            return left.get().compareTo(right.get()) == 0;
        }
        if (actual.isValueNode() && expected.isValueNode()) {
            return actual.getNodeType() == expected.getNodeType() && actual.asText().equals(expected.asText());
        }
        if (actual.isArray() && expected.isArray()) {
            return arraysEqual(actual, expected);
        }
        if (actual.isObject() && expected.isObject()) {
            return objectsEqual(actual, expected);
        }
        return false;
    }

    /** Negative, zero or positive like {@link Comparable}; empty when the two are not comparable. */
    static Optional<Integer> compare(JsonNode actual, JsonNode expected) {
        Optional<BigDecimal> left = number(actual);
        Optional<BigDecimal> right = number(expected);
        if (left.isPresent() && right.isPresent()) {
            return Optional.of(left.get().compareTo(right.get()));
        }
        if (actual.isTextual() && expected.isTextual()) {
            return Optional.of(actual.textValue().compareTo(expected.textValue()));
        }
        return Optional.empty();
    }

    /** The value as a number: a JSON number, or a string that reads as one. */
    static Optional<BigDecimal> number(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            if (!text.isEmpty() && text.length() < 64 && looksNumeric(text)) {
                try {
                    return Optional.of(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    return Optional.empty(); // e.g. "1.2.3": a plain string, compared as text
                }
            }
        }
        return Optional.empty();
    }

    private static boolean looksNumeric(String text) {
        char first = text.charAt(0);
        return Character.isDigit(first) || first == '-' || first == '+' || first == '.';
    }

    private static boolean arraysEqual(JsonNode left, JsonNode right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!equal(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectsEqual(JsonNode left, JsonNode right) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = left.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode other = right.get(field.getKey());
            if (other == null || !equal(field.getValue(), other)) {
                return false;
            }
        }
        return true;
    }
}
