package io.hookline.rules.template;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Handlebars templates (handlebars.java) under the same sandbox and limits as Jinja: values resolve only on maps
 * (the JSON objects of {@link TemplateContext}), never through Java getters, fields or methods; no partials loaded
 * from anywhere; only the control helpers {@code if}, {@code unless}, {@code each}, {@code with}, {@code lookup} and
 * {@code tojson}. Output is not HTML-escaped (as in Hookline's Jinja: requests are not HTML); {@code {{tojson x}}}
 * writes a value as JSON. Every render is bounded in time and output ({@link HandlebarsLimits}). Thread-safe.
 */
final class HandlebarsTemplates {

    private static final Set<String> REFUSED_HELPERS =
            Set.of("log", "precompile", "embedded", "i18n", "i18nJs", "partial", "block");
    private static final Set<String> GUARDED_HELPERS = Set.of("if", "unless", "each", "with", "lookup");
    private static final long COMPILE_CHECK_NANOS = 200_000_000L;
    private static final String TOO_DEEP = "the template nests blocks or expressions too deeply";

    private final Handlebars handlebars;
    private final TemplateLimits limits;
    private final LongSupplier nanoClock;

    HandlebarsTemplates(TemplateLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.handlebars = new Handlebars(new NoTemplates()).with(EscapingStrategy.NOOP);
        for (Map.Entry<String, Helper<?>> helper : Set.copyOf(handlebars.helpers())) {
            String name = helper.getKey();
            if (REFUSED_HELPERS.contains(name)) {
                handlebars.registerHelper(name, refused(name));
            } else if (GUARDED_HELPERS.contains(name)) {
                handlebars.registerHelper(name, HandlebarsLimits.guard(helper.getValue()));
            }
        }
        handlebars.registerHelper("tojson", HandlebarsLimits.guard(TojsonHelper.INSTANCE));
    }

    /** Parses {@code source}, then dry-runs it without variables so that unknown helpers are found now. */
    CompiledTemplate compile(String source) throws TemplateSyntaxException {
        Template template;
        try {
            template = handlebars.compileInline(source);
        } catch (HandlebarsException e) {
            throw new TemplateSyntaxException(List.of(error(TemplateError.SYNTAX, e)));
        } catch (IOException | RuntimeException e) {
            throw new TemplateSyntaxException(List.of(
                    new TemplateError(TemplateError.SYNTAX, JinjavaErrors.message(e), 0, 0)));
        } catch (StackOverflowError e) {
            // Handlebars' parser recurses once per nested block or expression.
            throw new TemplateSyntaxException(List.of(new TemplateError(TemplateError.SYNTAX, TOO_DEEP, 0, 0)));
        }
        try {
            apply(template, TemplateContext.of(Map.of()), Duration.ofNanos(COMPILE_CHECK_NANOS));
        } catch (TemplateRenderException e) {
            String kind = e.error().kind();
            // A dry run cut short by a limit proves nothing about the syntax; the render limits decide per event.
            if (!TemplateError.TIMEOUT.equals(kind) && !TemplateError.OUTPUT_TOO_LARGE.equals(kind)) {
                TemplateError found = e.error();
                throw new TemplateSyntaxException(List.of(
                        new TemplateError(TemplateError.SYNTAX, found.message(), found.line(), found.column())));
            }
        }
        return new CompiledTemplate(source, template);
    }

    String render(CompiledTemplate template, TemplateContext context, Duration renderTimeout)
            throws TemplateRenderException {
        return apply(template.handlebars(), context, renderTimeout);
    }

    private String apply(Template template, TemplateContext variables, Duration renderTimeout)
            throws TemplateRenderException {
        Context context = Context.newBuilder(variables.variables())
                .resolver(new DeadlineResolver(MapValueResolver.INSTANCE))
                .build();
        BoundedWriter out = new BoundedWriter(limits.maxOutputChars());
        HandlebarsLimits.start(nanoClock, renderTimeout.toNanos(), limits.maxOutputChars());
        TemplateRenderException failure = null;
        HandlebarsLimits.Exceeded exceeded;
        try {
            template.apply(context, out);
        } catch (HandlebarsException e) {
            failure = new TemplateRenderException(error(kindOf(e), e));
        } catch (IOException | RuntimeException e) {
            failure = new TemplateRenderException(
                    new TemplateError(kindOf(e), JinjavaErrors.message(e), 0, 0));
        } catch (StackOverflowError e) {
            failure = new TemplateRenderException(new TemplateError(TemplateError.RENDER, TOO_DEEP, 0, 0));
        } finally {
            exceeded = HandlebarsLimits.stop();
            context.destroy();
        }
        if (exceeded == HandlebarsLimits.Exceeded.TIME) {
            throw new TemplateRenderException(new TemplateError(TemplateError.TIMEOUT,
                    "rendering took longer than " + renderTimeout.toMillis() + " ms", 0, 0));
        }
        if (exceeded == HandlebarsLimits.Exceeded.OUTPUT || out.overflowed()) {
            throw new TemplateRenderException(new TemplateError(TemplateError.OUTPUT_TOO_LARGE,
                    "output is larger than " + limits.maxOutputChars() + " characters", 0, 0));
        }
        if (failure != null) {
            throw failure;
        }
        return out.toString();
    }

    private static String kindOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SandboxViolation) {
                return TemplateError.SANDBOX;
            }
        }
        return TemplateError.RENDER;
    }

    /** Handlebars' own error: its line is 1-based, its column 0-based. */
    private static TemplateError error(String kind, HandlebarsException e) {
        HandlebarsError error = e.getError();
        if (error == null) {
            return new TemplateError(kind, JinjavaErrors.message(e), 0, 0);
        }
        String reason = error.reason == null ? JinjavaErrors.message(e) : error.reason;
        return new TemplateError(kind, reason, Math.max(error.line, 0), error.line > 0 ? error.column + 1 : 0);
    }

    private static Helper<Object> refused(String name) {
        return (context, options) -> {
            throw new SandboxViolation("the helper '" + name + "' is not allowed in templates");
        };
    }

    /** A forbidden construct: partials, helpers that reach files, logs or resource bundles. */
    static final class SandboxViolation extends RuntimeException {
        SandboxViolation(String message) {
            super(message, null, false, false);
        }
    }

    /** Partials ({@code {{> name}}}) would load templates; there are none to load. */
    private static final class NoTemplates extends AbstractTemplateLoader {
        @Override
        public TemplateSource sourceAt(String location) {
            throw new SandboxViolation("templates cannot load other templates (partial '" + location + "')");
        }
    }
}
