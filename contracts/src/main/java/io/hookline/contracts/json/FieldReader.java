package io.hookline.contracts.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the current value for a hand-written record codec as the mapper would: null for null, scalars converted, and
 * a clear mapping error for a value of the wrong shape.
 */
public final class FieldReader {

    private final JsonParser parser;
    private final DeserializationContext context;

    public FieldReader(JsonParser parser, DeserializationContext context) {
        this.parser = parser;
        this.context = context;
    }

    public void expectObject(Class<?> type) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            context.handleUnexpectedToken(type, parser);
        }
    }

    /** The next field's name, the parser moved onto its value; null at the end of the object. */
    public String nextField() throws IOException {
        String name = parser.nextFieldName();
        if (name != null) {
            parser.nextToken();
        }
        return name;
    }

    public String string() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        return parser.getValueAsString();
    }

    public Integer integer() throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? null : number(Integer.class).intValue();
    }

    public int intValue() throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? 0 : number(Integer.class).intValue();
    }

    public long longValue() throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? 0 : number(Long.class).longValue();
    }

    public boolean bool() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE || token == JsonToken.VALUE_NULL) {
            return token == JsonToken.VALUE_TRUE;
        }
        return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
    }

    public Instant instant() throws IOException {
        String text = string();
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, e.getMessage());
        }
    }

    /** A string turned into a value, such as an enum from its wire name. */
    public <T> T string(Function<String, T> conversion, Class<T> type) throws IOException {
        String text = string();
        if (text == null) {
            return null;
        }
        try {
            return conversion.apply(text);
        } catch (IllegalArgumentException e) {
            return type.cast(context.handleWeirdStringValue(type, text, e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> stringMap() throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return (Map<String, String>) context.handleUnexpectedToken(Map.class, parser);
        }
        Map<String, String> map = new HashMap<>();
        for (String name = nextField(); name != null; name = nextField()) {
            map.put(name, string());
        }
        return map;
    }

    public void skip() throws IOException {
        parser.skipChildren();
    }

    private Number number(Class<?> type) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getNumberValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(parser.getText().trim());
            } catch (NumberFormatException e) {
                return (Number) context.handleWeirdStringValue(type, parser.getText(), "not a number");
            }
        }
        return (Number) context.handleUnexpectedToken(type, parser);
    }
}
