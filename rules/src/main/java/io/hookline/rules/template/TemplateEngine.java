package io.hookline.rules.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.OutputTooBigException;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import com.hubspot.jinjava.tree.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Templates in Jinja (the default) or Handlebars ({@link #compile(String, String)}), each in its own sandbox with the
 * same limits. Jinja templates (Jinjava) run in a sandbox: no Java method or property access beyond Jinja's dict and list methods, no
 * {@code include}/{@code import}/{@code extends}, no recursive macros, and every render bounded in output size, time,
 * {@code range()} length and collection size ({@link TemplateLimits}). Filters include {@code tojson}. Compile once,
 * render many times; thread-safe.
 */
public final class TemplateEngine {

    /** The default language, as {@code template_engine: jinja}. */
    public static final String JINJA = "jinja";
    /** {@code template_engine: handlebars}, as All Quiet's request templates are written. */
    public static final String HANDLEBARS = "handlebars";

    private static final Map<Context.Library, Set<String>> DISABLED =
            Map.of(Context.Library.TAG, Set.of("include", "import", "from", "extends"));
    private static final long COMPILE_CHECK_NANOS = 200_000_000L;

    private final Jinjava jinjava;
    private final JinjavaConfig renderConfig;
    private final JinjavaConfig checkConfig;
    private final TemplateLimits limits;
    private final LongSupplier nanoClock;
    private final HandlebarsTemplates handlebars;

    public TemplateEngine() {
        this(TemplateLimits.DEFAULT);
    }

    public TemplateEngine(TemplateLimits limits) {
        this(limits, System::nanoTime);
    }

    /** {@code nanoClock} times renders ({@link System#nanoTime} but in tests). */
    public TemplateEngine(TemplateLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.renderConfig = config(limits, false);
        this.checkConfig = config(limits, true);
        this.jinjava = new Jinjava(renderConfig);
        this.handlebars = new HandlebarsTemplates(limits, nanoClock);
        this.jinjava.setResourceLocator((name, encoding, interpreter) -> {
            throw new ResourceNotFoundException("templates cannot load other templates");
        });
    }

    public TemplateLimits limits() {
        return limits;
    }

    /** True for the languages {@link #compile(String, String)} knows: {@link #JINJA} and {@link #HANDLEBARS}. */
    public static boolean isKnownLanguage(String language) {
        return JINJA.equals(language) || HANDLEBARS.equals(language);
    }

    /** Compiles {@code source} in {@code language} ({@link #JINJA} when null). */
    public CompiledTemplate compile(String language, String source) throws TemplateSyntaxException {
        if (language == null || JINJA.equals(language)) {
            return compile(source);
        }
        if (!HANDLEBARS.equals(language)) {
            throw new TemplateSyntaxException(List.of(new TemplateError(TemplateError.SYNTAX,
                    "unknown template engine \"" + language + "\"; one of " + JINJA + ", " + HANDLEBARS, 0, 0)));
        }
        if (source == null) {
            throw new TemplateSyntaxException(List.of(new TemplateError(TemplateError.SYNTAX, "template is null", 0, 0)));
        }
        return handlebars.compile(source);
    }

    /** The syntax errors of {@code source} in {@code language}; empty when it compiles. */
    public List<TemplateError> check(String language, String source) {
        try {
            compile(language, source);
            return List.of();
        } catch (TemplateSyntaxException e) {
            return e.errors();
        }
    }

    /**
     * Parses {@code source} as Jinja, then dry-runs it without variables (every branch) so that errors in expressions are found
     * now and not at the first event.
     */
    public CompiledTemplate compile(String source) throws TemplateSyntaxException {
        if (source == null) {
            throw new TemplateSyntaxException(List.of(new TemplateError(TemplateError.SYNTAX, "template is null", 0, 0)));
        }
        JinjavaInterpreter interpreter = interpreter(checkConfig, Map.of());
        JinjavaInterpreter.pushCurrent(interpreter);
        List<TemplateError> errors = new ArrayList<>();
        Node root = null;
        try {
            root = interpreter.parse(source);
            errors.addAll(JinjavaErrors.parseErrors(interpreter.getErrors()));
            if (errors.isEmpty()) {
                errors.addAll(dryRun(interpreter, root));
            }
        } catch (RuntimeException e) {
            errors.add(new TemplateError(TemplateError.SYNTAX, JinjavaErrors.message(e), 0, 0));
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        if (!errors.isEmpty()) {
            throw new TemplateSyntaxException(errors);
        }
        return new CompiledTemplate(source, root);
    }

    /**
     * Renders every branch without variables. A dry run cut short by a limit proves nothing about the syntax: the
     * render limits decide that later, per event.
     */
    private List<TemplateError> dryRun(JinjavaInterpreter interpreter, Node root) {
        RenderDeadline.start(nanoClock, COMPILE_CHECK_NANOS);
        boolean expired;
        try {
            interpreter.render(root);
        } catch (OutputTooBigException e) {
            return List.of();
        } catch (RuntimeException e) {
            if (!RenderDeadline.stopAndCheckExpired()) {
                return List.of(new TemplateError(TemplateError.SYNTAX, JinjavaErrors.message(e), 0, 0));
            }
            return List.of();
        } finally {
            expired = RenderDeadline.stopAndCheckExpired();
        }
        return expired ? List.of() : JinjavaErrors.syntaxErrors(interpreter.getErrors());
    }

    /** The syntax errors of {@code source}; empty when it compiles. For write-time validation. */
    public List<TemplateError> check(String source) {
        try {
            compile(source);
            return List.of();
        } catch (TemplateSyntaxException e) {
            return e.errors();
        }
    }

    /** Renders {@code template} with {@code context} within this engine's limits. */
    public String render(CompiledTemplate template, TemplateContext context) throws TemplateRenderException {
        return render(template, context, limits.renderTimeout());
    }

    /** {@link #render(CompiledTemplate, TemplateContext)} with another time limit, e.g. for a retry. */
    public String render(CompiledTemplate template, TemplateContext context, Duration renderTimeout)
            throws TemplateRenderException {
        if (template.handlebars() != null) {
            return handlebars.render(template, context, renderTimeout);
        }
        JinjavaInterpreter interpreter = interpreter(renderConfig, context.variables());
        RenderDeadline.start(nanoClock, renderTimeout.toNanos());
        JinjavaInterpreter.pushCurrent(interpreter);
        String output = null;
        TemplateRenderException failure = null;
        boolean expired;
        try {
            output = interpreter.render(template.root());
        } catch (OutputTooBigException e) {
            failure = outputTooLarge();
        } catch (RuntimeException e) {
            failure = new TemplateRenderException(JinjavaErrors.fromException(e));
        } finally {
            expired = RenderDeadline.stopAndCheckExpired();
            JinjavaInterpreter.popCurrent();
        }
        if (expired) {
            throw new TemplateRenderException(new TemplateError(TemplateError.TIMEOUT,
                    "rendering took longer than " + renderTimeout.toMillis() + " ms", 0, 0));
        }
        if (failure != null) {
            throw failure;
        }
        var fatal = JinjavaErrors.firstFatal(interpreter.getErrors());
        if (fatal.isPresent()) {
            throw new TemplateRenderException(fatal.get());
        }
        if (output.length() > limits.maxOutputChars()) {
            throw outputTooLarge();
        }
        return output;
    }

    private TemplateRenderException outputTooLarge() {
        return new TemplateRenderException(new TemplateError(TemplateError.OUTPUT_TOO_LARGE,
                "output is larger than " + limits.maxOutputChars() + " characters", 0, 0));
    }

    private JinjavaInterpreter interpreter(JinjavaConfig config, Map<String, Object> variables) {
        Context context = new Context(jinjava.getGlobalContext(), variables, DISABLED);
        return new JinjavaInterpreter(jinjava, context, config);
    }

    private static JinjavaConfig config(TemplateLimits limits, boolean validation) {
        return JinjavaConfig.newBuilder()
                .withElResolver(new SandboxedResolver(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY))
                .withDisabled(DISABLED)
                .withMaxOutputSize(limits.maxOutputChars())
                .withMaxStringLength(limits.maxOutputChars())
                .withRangeLimit(limits.maxRange())
                .withMaxListSize(limits.maxCollectionSize())
                .withMaxMapSize(limits.maxCollectionSize())
                .withEnableRecursiveMacroCalls(false)
                .withNestedInterpretationEnabled(false)
                .withMaxRenderDepth(10)
                .withValidationMode(validation)
                .withNodePreProcessor(new RenderDeadline())
                .build();
    }
}
