package io.hookline.config.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.rules.filter.FilterParser;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateError;
import jakarta.inject.Singleton;

/** Write-time checks of templates and filters, with the same engine the matcher uses at delivery time. */
@Singleton
public final class RuleChecks {

    private final TemplateEngine templates;
    private final FilterParser filters = new FilterParser();

    public RuleChecks(TemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * Adds an error for {@code field} for each problem of the template in {@code language} ({@code jinja},
     * {@code handlebars}), with line and column.
     */
    public void checkTemplate(String field, String source, String language, FieldErrors errors) {
        for (TemplateError error : templates.check(language, source)) {
            errors.add(field, "invalid template: " + error.describe());
        }
    }

    public void checkFilter(String field, JsonNode filter, FieldErrors errors) {
        filters.validate(filter, field).forEach(error -> errors.add(error.field(), error.message()));
    }
}
