package io.hookline.rules.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {

    private static final String ONCALL_EVENT = """
            {"specversion":"1.0","id":"evt-1","source":"/oncall","type":"alert_group.acknowledged","tenant":"acme",
             "data":{"event":{"type":"acknowledge"},"alert_group":{"id":"IZQ","integration_id":"CRV8","state":"acknowledged"},
                     "alert_payload":{"commonLabels":{"job":"node","severity":"critical","alertname":"InstanceDown"},
                                      "alerts":[{"status":"firing","labels":{"instance":"a"}},{"status":"firing","labels":{"instance":"b"}}],
                                      "numFiring":2},
                     "integration":{"id":"CRV8","name":"One - Alertmanager"}}}""";

    private final TemplateEngine engine = new TemplateEngine();

    private String render(String template) throws Exception {
        return engine.render(engine.compile(template), TemplateContext.forEvent(event()));
    }

    private static JsonNode event() throws Exception {
        return Json.MAPPER.readTree(ONCALL_EVENT);
    }

    @Test
    void shouldRenderOnCallDataTemplateWithTojsonCall() throws Exception {
        // Given OnCall's documented body template
        String template = "{\"labels\" : {{ alert_payload.commonLabels | tojson()}}}";

        // When
        String body = render(template);

        // Then it is JSON holding the labels
        JsonNode parsed = Json.MAPPER.readTree(body);
        assertThat(parsed.at("/labels/alertname").asText()).isEqualTo("InstanceDown");
        assertThat(parsed.at("/labels/job").asText()).isEqualTo("node");
    }

    @Test
    void shouldExposeTheDataOwnEventTheCloudEventAndDataKeys() throws Exception {
        assertThat(render("{{ event.type }}|{{ cloudevent.type }}|{{ cloudevent.tenant }}|{{ alert_group.id }}|"
                + "{{ cloudevent.data.integration.name }}"))
                .isEqualTo("acknowledge|alert_group.acknowledged|acme|IZQ|One - Alertmanager");
    }

    @Test
    void shouldExposeTheCloudEventAsEventWhenTheDataHasNoEvent() throws Exception {
        JsonNode event = Json.MAPPER.readTree("""
                {"specversion":"1.0","id":"evt-2","source":"/x","type":"incident.created","tenant":"acme",
                 "data":{"incident":{"id":"I1"}}}""");

        String rendered = engine.render(engine.compile("{{ event.type }}|{{ event.id }}|{{ cloudevent.id }}|{{ incident.id }}"),
                TemplateContext.forEvent(event));

        assertThat(rendered).isEqualTo("incident.created|evt-2|evt-2|I1");
    }

    @Test
    void shouldSupportLoopsConditionsFiltersAndDictMethods() throws Exception {
        String template = "{% for a in alert_payload.alerts %}{{ a.labels.instance }}{% if not loop.last %},{% endif %}{% endfor %};"
                + "{% for k, v in alert_payload.commonLabels.items() %}{{ k }}={{ v | upper }} {% endfor %};"
                + "{{ alert_payload.numFiring + 1 }};{{ missing | default('none') }};{{ alert_payload.alerts | length }}";
        assertThat(render(template)).isEqualTo("a,b;job=NODE severity=CRITICAL alertname=INSTANCEDOWN ;3;none;2");
    }

    @Test
    void shouldReportSyntaxErrorsWithLineAndColumn() {
        assertThatThrownBy(() -> engine.compile("line one\n{% if x %}no end"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.errors()).isNotEmpty();
                    assertThat(e.errors().get(0).line()).isGreaterThan(0);
                });
        assertThat(engine.check("{{ foo( }}")).isNotEmpty();
        assertThat(engine.check("{% endfor %}")).isNotEmpty();
        assertThat(engine.check("{{ event.id }}")).isEmpty();
    }

    @Test
    void shouldRefuseJavaMethodCalls() throws Exception {
        for (String escape : new String[] {"{{ event.getClass() }}", "{{ cloudevent.id.getClass().forName('java.lang.Runtime') }}",
                "{{ cloudevent.id.toUpperCase() }}", "{{ cloudevent.id.getBytes() }}", "{{ event.hashCode() }}",
                "{{ cloudevent.data.alert_group.getClass().getClassLoader() }}"}) {
            CompiledTemplate compiled = engine.compile(escape);
            assertThatThrownBy(() -> engine.render(compiled, TemplateContext.forEvent(event())))
                    .as(escape)
                    .isInstanceOfSatisfying(TemplateRenderException.class,
                            e -> assertThat(e.error().kind()).isEqualTo(TemplateError.SANDBOX));
        }
        assertThat(engine.check("{{ 'x'.getClass() }}")).as("a call on a literal fails already at compile time")
                .isNotEmpty();
    }

    @Test
    void shouldNotExposeJavaProperties() throws Exception {
        assertThat(render("[{{ cloudevent.class }}][{{ 'x'.bytes }}][{{ cloudevent.id.class }}][{{ cloudevent.id.length }}]"))
                .isEqualTo("[][][][]");
    }

    @Test
    void shouldRefuseToChangeSharedValues() throws Exception {
        TemplateContext shared = TemplateContext.forEvent(event());
        CompiledTemplate mutate = engine.compile("{% do alert_group.update({'id': 'X'}) %}{{ alert_group.id }}");
        assertThatThrownBy(() -> engine.render(mutate, shared)).isInstanceOf(TemplateRenderException.class);
        assertThat(engine.render(engine.compile("{{ alert_group.id }}"), shared)).isEqualTo("IZQ");
    }

    @Test
    void shouldRefuseIncludes() {
        assertThat(engine.check("{% include '/etc/passwd' %}")).isNotEmpty();
    }

    @Test
    void shouldBoundOutputSize() throws Exception {
        CompiledTemplate bomb = engine.compile("{% for i in range(10000) %}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{% endfor %}");
        assertThatThrownBy(() -> engine.render(bomb, TemplateContext.forEvent(event())))
                .isInstanceOfSatisfying(TemplateRenderException.class,
                        e -> assertThat(e.error().kind()).isEqualTo(TemplateError.OUTPUT_TOO_LARGE));
    }

    @Test
    void shouldBoundRenderTime() throws Exception {
        TemplateEngine quick = new TemplateEngine(new TemplateLimits(1024 * 1024, Duration.ofMillis(100), 10_000, 10_000));
        CompiledTemplate loops = quick.compile(
                "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}{% endfor %}{% endfor %}{% endfor %}");
        // A trillion iterations end as a timeout, not as an output or range error: the time limit stopped them.
        assertThatThrownBy(() -> quick.render(loops, TemplateContext.forEvent(event())))
                .isInstanceOfSatisfying(TemplateRenderException.class,
                        e -> assertThat(e.error().kind()).isEqualTo(TemplateError.TIMEOUT));
    }

    @Test
    void shouldBoundRange() throws Exception {
        assertThat(render("{{ range(100000000) | length }}")).isEqualTo("10000");
    }

    @Test
    void shouldRefuseRecursiveMacros() throws Exception {
        CompiledTemplate recursive = engine.compile("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}");
        assertThatThrownBy(() -> engine.render(recursive, TemplateContext.forEvent(event())))
                .isInstanceOf(TemplateRenderException.class);
    }
}
