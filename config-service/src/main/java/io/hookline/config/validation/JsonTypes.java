package io.hookline.config.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** Names JSON value types the way an error message should. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String mustBe(String expected, JsonNode actual) {
        return "must be " + expected + ", not " + describe(actual);
    }
}
