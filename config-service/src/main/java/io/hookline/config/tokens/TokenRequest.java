package io.hookline.config.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.validation.FieldErrors;
import io.hookline.contracts.auth.Scopes;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** The body of {@code POST /api/v1/tokens}: {@code name}, {@code scopes} and optionally {@code tenant}. */
record TokenRequest(String name, String tenant, Set<String> scopes) {

    private static final Set<String> FIELDS = Set.of("name", "tenant", "scopes");
    private static final int MAX_CHARS = 150;

    static TokenRequest read(JsonNode body, String callerTenant) {
        FieldErrors errors = new FieldErrors();
        if (body == null || !body.isObject()) {
            errors.add("", "must be a JSON object with name, scopes and optionally tenant");
            errors.throwIfAny();
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                errors.add(field, "unknown field");
            }
        });
        String name = text(body.get("name"), "name", true, errors);
        String tenant = text(body.get("tenant"), "tenant", false, errors);
        Set<String> scopes = scopes(body.get("scopes"), errors);
        errors.throwIfAny();
        return new TokenRequest(name, tenant == null ? callerTenant : tenant, scopes);
    }

    private static String text(JsonNode value, String field, boolean required, FieldErrors errors) {
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > MAX_CHARS) {
            errors.add(field, "must be a non-blank string of at most " + MAX_CHARS + " characters");
            return null;
        }
        return value.textValue();
    }

    private static Set<String> scopes(JsonNode value, FieldErrors errors) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            errors.add("scopes", "is required: a non-empty array of " + new TreeSet<>(Scopes.ALL));
            return Set.of();
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode scope = value.get(i);
            if (!scope.isTextual() || !Scopes.ALL.contains(scope.textValue())) {
                errors.add("scopes[" + i + "]", "unknown scope; one of " + new TreeSet<>(Scopes.ALL));
            } else {
                scopes.add(scope.textValue());
            }
        }
        return scopes;
    }
}
