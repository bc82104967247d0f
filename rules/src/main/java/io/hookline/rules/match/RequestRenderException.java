package io.hookline.rules.match;

import io.hookline.rules.template.TemplateError;

/** A webhook whose request cannot be made for one event: {@link #field()} names the template that failed. */
public final class RequestRenderException extends Exception {

    private final String field;
    private final transient TemplateError error;

    public RequestRenderException(String field, TemplateError error) {
        super(field + ": " + error.describe());
        this.field = field;
        this.error = error;
    }

    public String field() {
        return field;
    }

    public TemplateError error() {
        return error;
    }
}
