package io.hookline.config.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.hookline.config.error.ProblemException;
import io.hookline.contracts.json.Json;
import java.io.IOException;

/**
 * Parses request bodies ourselves, from the raw bytes, so that every malformed body (broken JSON, invalid UTF-8,
 * duplicate keys, trailing garbage, nesting past Jackson's limit) becomes a 400 that says what and where.
 */
public final class JsonBodies {

    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBodies() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("", "a JSON request body is required");
        }
        try {
            JsonNode node = READER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ProblemException.invalid("", "a JSON request body is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ProblemException.invalid("", "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.invalid("", "unreadable request body: " + e.getMessage());
        }
    }
}
