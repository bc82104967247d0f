package io.hookline.rules.template;

import java.time.Duration;

/**
 * The bounds of one render. A render that exceeds one fails with a {@link TemplateRenderException}.
 *
 * @param maxOutputChars    longest output (and longest string built on the way)
 * @param renderTimeout     wall-clock time of one render
 * @param maxRange          longest {@code range()}
 * @param maxCollectionSize most elements of a list or map built by a template
 */
public record TemplateLimits(int maxOutputChars, Duration renderTimeout, int maxRange, int maxCollectionSize) {

    public static final TemplateLimits DEFAULT = new TemplateLimits(1024 * 1024, Duration.ofMillis(500), 10_000, 10_000);

    public TemplateLimits {
        if (maxOutputChars <= 0 || maxRange <= 0 || maxCollectionSize <= 0 || renderTimeout.isNegative()
                || renderTimeout.isZero()) {
            throw new IllegalArgumentException("template limits must be positive");
        }
    }
}
