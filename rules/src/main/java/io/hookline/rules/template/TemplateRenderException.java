package io.hookline.rules.template;

/** A template that failed while rendering for one event: an error in it, a sandbox violation or a limit reached. */
public final class TemplateRenderException extends Exception {

    private final transient TemplateError error;

    public TemplateRenderException(TemplateError error) {
        super(error.describe());
        this.error = error;
    }

    public TemplateError error() {
        return error;
    }
}
