package io.hookline.rules.template;

import java.util.List;

/** A template that does not compile, with every error found (the first one leads the message). */
public final class TemplateSyntaxException extends Exception {

    private final transient List<TemplateError> errors;

    public TemplateSyntaxException(List<TemplateError> errors) {
        super(errors.get(0).describe());
        this.errors = List.copyOf(errors);
    }

    public List<TemplateError> errors() {
        return errors;
    }
}
