package io.hookline.rules.template;

import com.hubspot.jinjava.tree.Node;

/**
 * A parsed template, ready to render many times from many threads; obtained from {@link TemplateEngine#compile}.
 * Only the engine that compiled it can render it.
 */
public final class CompiledTemplate {

    private final String source;
    private final Node root;

    CompiledTemplate(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    public String source() {
        return source;
    }

    Node root() {
        return root;
    }
}
