package io.hookline.rules;

/**
 * One validation problem of a webhook's rules, named by the JSON path of the offending field (e.g.
 * {@code filter.any[0].value}) so that config-service can answer it as a problem+json field error.
 */
public record FieldError(String field, String message) {
}
