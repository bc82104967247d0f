package io.hookline.config.validation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;

/**
 * Reads a webhook request body field by field: every field must be known and of the right type and value. Templates
 * and filters are compiled here, so a bad one is refused at write time with its line and column.
 */
@Singleton
public final class WebhookRequestReader {

    private final RuleChecks rules;
    private final WebhookLimits limits;

    public WebhookRequestReader(RuleChecks rules, WebhookLimits limits) {
        this.rules = rules;
        this.limits = limits;
    }

    /** The checked changes of {@code body}, or a 400 problem naming every invalid field. */
    public WebhookChanges read(JsonNode body) {
        return new FieldReading(rules, limits).read(body);
    }
}
