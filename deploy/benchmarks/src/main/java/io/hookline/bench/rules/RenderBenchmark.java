package io.hookline.bench.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import io.hookline.contracts.json.Json;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.template.CompiledTemplate;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateRenderException;
import io.hookline.rules.template.TemplateSyntaxException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Renders/s of a typical body template: Hookline's sandboxed Jinjava with the template compiled once (as the matcher
 * does), Jinjava parsing the template on every render (what caching saves), and Pebble on the same payload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RenderBenchmark {

    private TemplateEngine engine;
    private CompiledTemplate compiled;
    private PreparedEvent prepared;
    private Jinjava plainJinjava;
    private Map<String, Object> plainContext;
    private PebbleTemplate pebbleTemplate;

    @Setup
    public void setUp() throws TemplateSyntaxException {
        engine = new TemplateEngine();
        compiled = engine.compile(BenchmarkData.JINJA_TEMPLATE);
        prepared = PreparedEvent.of(BenchmarkData.event());
        plainJinjava = new Jinjava();
        plainContext = contextOf(prepared);
        PebbleEngine pebble = new PebbleEngine.Builder().loader(new StringLoader()).autoEscaping(false)
                .extension(new TojsonExtension()).build();
        pebbleTemplate = pebble.getTemplate(BenchmarkData.PEBBLE_TEMPLATE);
    }

    /** The matcher's path: compiled once, context built once per event and shared by its webhooks. */
    @Benchmark
    public String jinjavaSandboxedCompiled() throws TemplateRenderException {
        return engine.render(compiled, prepared.templateContext());
    }

    /** The matcher's path for an event seen by one templated webhook only: the context is built for it. */
    @Benchmark
    public String jinjavaSandboxedCompiledFreshContext() throws TemplateRenderException {
        return engine.render(compiled, PreparedEvent.of(prepared.event()).templateContext());
    }

    @Benchmark
    public String jinjavaParsedEveryTime() {
        return plainJinjava.render(BenchmarkData.JINJA_TEMPLATE, plainContext);
    }

    @Benchmark
    public String pebbleCompiled() throws IOException {
        StringWriter out = new StringWriter();
        pebbleTemplate.evaluate(out, plainContext);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contextOf(PreparedEvent prepared) {
        Map<String, Object> context = new java.util.LinkedHashMap<>(
                Json.MAPPER.convertValue(prepared.event().data(), Map.class));
        context.put("event", Json.MAPPER.convertValue(prepared.json(), Map.class));
        return context;
    }

    /** Pebble has no tojson; this is the one filter the OnCall example needs. */
    static final class TojsonExtension extends AbstractExtension {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("tojson", new Filter() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of();
                }

                @Override
                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                                    EvaluationContext context, int lineNumber) {
                    try {
                        return MAPPER.writeValueAsString(input);
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }
}
