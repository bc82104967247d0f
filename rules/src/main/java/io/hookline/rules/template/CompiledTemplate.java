package io.hookline.rules.template;

import com.github.jknack.handlebars.Template;
import com.hubspot.jinjava.tree.Node;

/**
 * A parsed template, ready to render many times from many threads; obtained from {@link TemplateEngine#compile}.
 * Only the engine that compiled it can render it; it remembers which language it is in.
 */
public final class CompiledTemplate {

    private final String source;
    private final Node root;
    private final Template handlebars;

    CompiledTemplate(String source, Node root) {
        this.source = source;
        this.root = root;
        this.handlebars = null;
    }

    CompiledTemplate(String source, Template handlebars) {
        this.source = source;
        this.root = null;
        this.handlebars = handlebars;
    }

    public String source() {
        return source;
    }

    /** {@link TemplateEngine#HANDLEBARS} or {@link TemplateEngine#JINJA}. */
    public String language() {
        return handlebars != null ? TemplateEngine.HANDLEBARS : TemplateEngine.JINJA;
    }

    Node root() {
        return root;
    }

    Template handlebars() {
        return handlebars;
    }
}
