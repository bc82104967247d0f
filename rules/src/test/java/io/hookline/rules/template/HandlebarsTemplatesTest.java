package io.hookline.rules.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HandlebarsTemplatesTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"evt-1","source":"/oncall","type":"incident.created","tenant":"acme",
             "subject":"inc-42",
             "data":{"incident":{"id":"inc-42","title":"Disk > 90% on \\"db-1\\"","severity":"Critical"},
                     "alerts":[{"host":"a"},{"host":"b"}],
                     "labels":{"env":"prod","team":"core"}}}""";

    private final TemplateEngine engine = new TemplateEngine();

    private String render(String template) throws Exception {
        return engine.render(engine.compile(TemplateEngine.HANDLEBARS, template), context());
    }

    private static TemplateContext context() throws Exception {
        return TemplateContext.forEvent(Json.MAPPER.readTree(EVENT));
    }

    @Test
    void shouldSeeTheSameContextAsJinja() throws Exception {
        // Given the variables of Jinja's context: data keys, cloudevent, event (the CloudEvent when data has none)
        String rendered = render("{{incident.id}}|{{cloudevent.type}}|{{event.subject}}|{{cloudevent.data.labels.env}}");

        assertThat(rendered).isEqualTo("inc-42|incident.created|inc-42|prod");
    }

    @Test
    void shouldSupportControlHelpersWithoutHtmlEscaping() throws Exception {
        String rendered = render("{{#each alerts}}{{host}}{{#unless @last}},{{/unless}}{{/each}};"
                + "{{#if incident.severity}}sev={{incident.severity}}{{else}}none{{/if}};"
                + "{{#with incident}}{{title}}{{/with}};{{lookup labels \"team\"}};"
                + "{{#each labels}}{{@key}}={{this}} {{/each}};{{missing}}.");

        assertThat(rendered).isEqualTo("a,b;sev=Critical;Disk > 90% on \"db-1\";core;env=prod team=core ;.");
    }

    @Test
    void shouldWriteValuesAsJsonWithTojson() throws Exception {
        // Given a JSON body as All Quiet users write them, the title needing JSON escaping
        String rendered = render("{\"title\": {{tojson incident.title}}, \"labels\": {{{tojson labels}}}, "
                + "\"alerts\": {{tojson alerts}}, \"none\": {{tojson missing}} }");  // "}}}" would read as a triple-stash

        JsonNode json = Json.MAPPER.readTree(rendered);
        assertThat(json.get("title").asText()).isEqualTo("Disk > 90% on \"db-1\"");
        assertThat(json.at("/labels/team").asText()).isEqualTo("core");
        assertThat(json.at("/alerts/1/host").asText()).isEqualTo("b");
        assertThat(json.get("none").isNull()).isTrue();
    }

    @Test
    void shouldReportSyntaxErrorsWithLineAndColumn() {
        assertThatThrownBy(() -> engine.compile(TemplateEngine.HANDLEBARS, "line one\n  {{#each alerts}}\n{{/if}}"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    TemplateError error = e.errors().get(0);
                    assertThat(error.kind()).isEqualTo(TemplateError.SYNTAX);
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isEqualTo(4);
                    assertThat(error.describe()).startsWith("line 3, column 4: ").contains("each");
                });
        assertThat(engine.check(TemplateEngine.HANDLEBARS, "{{#if x}}open")).isNotEmpty();
        assertThat(engine.check(TemplateEngine.HANDLEBARS, "{{incident.id}}")).isEmpty();
    }

    @Test
    void shouldRefuseUnknownHelpersAtCompileTime() {
        assertThat(engine.check(TemplateEngine.HANDLEBARS, "x\n{{shout incident.title}}"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.line()).isEqualTo(2);
                    assertThat(error.column()).isEqualTo(3);
                    assertThat(error.message()).contains("shout");
                });
    }

    @Test
    void shouldNotReachJavaGettersFieldsOrMethods() throws Exception {
        // Handlebars' default resolvers would call getters and methods; Hookline's read only map keys.
        assertThat(render("[{{cloudevent.class}}][{{incident.id.bytes}}][{{incident.id.length}}][{{incident.getClass}}]"
                + "[{{incident.id.toUpperCase}}][{{labels.size}}][{{labels.empty}}][{{alerts.size}}][{{alerts.class.name}}]"))
                .isEqualTo("[][][][][][][][][]");
    }

    @Test
    void shouldRefusePartialsAndHelpersThatReachOutside() throws Exception {
        for (String escape : new String[] {"{{> etc/passwd}}", "{{embedded \"etc/passwd\"}}", "{{i18n \"key\"}}",
                "{{precompile \"x\"}}", "{{log \"spam\"}}"}) {
            assertThat(engine.check(TemplateEngine.HANDLEBARS, escape)).as(escape).isNotEmpty();
        }
    }

    @Test
    void shouldReportSandboxViolationsFoundWhileRendering() throws Exception {
        // Given a refused helper inside a branch the variable-less dry run does not take
        CompiledTemplate template = engine.compile(TemplateEngine.HANDLEBARS,
                "{{#if incident}}{{log \"x\"}}{{/if}}");

        assertThatThrownBy(() -> engine.render(template, context()))
                .isInstanceOfSatisfying(TemplateRenderException.class,
                        e -> assertThat(e.error().kind()).isEqualTo(TemplateError.SANDBOX));
    }

    @Test
    void shouldBoundOutputSize() throws Exception {
        TemplateEngine small = new TemplateEngine(new TemplateLimits(100, Duration.ofSeconds(5), 1000, 1000));
        CompiledTemplate template = small.compile(TemplateEngine.HANDLEBARS,
                "{{#each alerts}}{{#each ../alerts}}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{/each}}{{/each}}");

        assertThatThrownBy(() -> small.render(template, context()))
                .isInstanceOfSatisfying(TemplateRenderException.class,
                        e -> assertThat(e.error().kind()).isEqualTo(TemplateError.OUTPUT_TOO_LARGE));
    }

    @Test
    void shouldBoundRenderTime() throws Exception {
        // Given a clock that advances a second on every look, so the first check after the start is past the limit
        AtomicLong now = new AtomicLong();
        TemplateEngine slow = new TemplateEngine(new TemplateLimits(1 << 20, Duration.ofMillis(500), 1000, 1000),
                () -> now.getAndAdd(1_000_000_000L));
        CompiledTemplate template = slow.compile(TemplateEngine.HANDLEBARS, "{{#each alerts}}{{host}}{{/each}}");

        assertThatThrownBy(() -> slow.render(template, context()))
                .isInstanceOfSatisfying(TemplateRenderException.class,
                        e -> assertThat(e.error().kind()).isEqualTo(TemplateError.TIMEOUT));
    }

    @Test
    void shouldLeaveJinjaTheDefault() throws Exception {
        assertThat(engine.compile(null, "{{ incident.id }}").language()).isEqualTo(TemplateEngine.JINJA);
        assertThat(engine.check("mustache", "{{x}}")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("unknown template engine"));
    }

    @Test
    void shouldRefuseTemplatesNestedTooDeeplyInsteadOfFailingTheCaller() {
        String deep = "{{#if a}}".repeat(3000) + "x" + "{{/if}}".repeat(3000);

        assertThat(engine.check(TemplateEngine.HANDLEBARS, deep)).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("nests").contains("too deeply"));
    }

    @Test
    void shouldStopRecursiveAndExplodingInlinePartials() throws Exception {
        CompiledTemplate recursive = engine.compile(TemplateEngine.HANDLEBARS,
                "{{#if incident}}{{#*inline \"x\"}}a{{> x}}{{/inline}}{{> x}}{{/if}}");
        assertThatThrownBy(() -> engine.render(recursive, context())).isInstanceOf(TemplateRenderException.class);

        StringBuilder bomb = new StringBuilder("{{#*inline \"p0\"}}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{/inline}}");
        for (int i = 1; i < 12; i++) {
            bomb.append("{{#*inline \"p").append(i).append("\"}}")
                    .append(("{{> p" + (i - 1) + "}}").repeat(10)).append("{{/inline}}");
        }
        bomb.append("{{#if incident}}{{> p11}}{{/if}}");
        CompiledTemplate exploding = engine.compile(TemplateEngine.HANDLEBARS, bomb.toString());
        assertThatThrownBy(() -> engine.render(exploding, context()))
                .isInstanceOfSatisfying(TemplateRenderException.class, e -> assertThat(e.error().kind())
                        .isIn(TemplateError.OUTPUT_TOO_LARGE, TemplateError.TIMEOUT));
    }
}
