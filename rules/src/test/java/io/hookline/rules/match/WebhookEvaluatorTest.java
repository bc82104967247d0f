package io.hookline.rules.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateError;
import io.hookline.rules.template.TemplateLimits;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Failures of a webhook's own rules fail at once; those of Hookline (time, internal faults) are marked transient. */
class WebhookEvaluatorTest {

    private static final Duration LIMIT = Duration.ofMillis(500);

    private final StallingClock clock = new StallingClock();
    private final WebhookCompiler compiler =
            new WebhookCompiler(new TemplateEngine(new TemplateLimits(1 << 20, LIMIT, 1000, 1000), clock));
    private final WebhookEvaluator evaluator = new WebhookEvaluator(new WebhookMatcher(compiler),
            new RequestRenderer(compiler.templateEngine()));

    @Test
    void shouldSendWhatTheTemplatesRenderOrSkip() throws Exception {
        assertThat(evaluate(webhook(List.of("*"), null, "{\"p\": \"{{ incident.priority }}\"}", null)))
                .isEqualTo(new Evaluation.Send(new RenderedRequest("POST", List.of("https://x.example/"),
                        java.util.Map.of(), "{\"p\": \"P1\"}", RenderedRequest.BodyMode.TEMPLATE)));
        assertThat(evaluate(webhook(List.of("incident.resolved"), null, null, null))).isEqualTo(Evaluation.SKIPPED);
    }

    @Test
    void shouldMarkARenderThatRanOutOfTimeAsTransient() throws Exception {
        CompiledWebhook data = compiler.compile(webhook(List.of("*"), null, "{{ incident.priority }}", null));
        CompiledWebhook trigger =
                compiler.compile(webhook(List.of("*"), "{{ incident.priority == 'P1' }}", null, null));
        clock.stall();

        assertThat(failure(data)).satisfies(failure -> {
            assertThat(failure.transientFailure()).isTrue();
            assertThat(failure.field()).isEqualTo("data");
            assertThat(failure.error().kind()).isEqualTo(TemplateError.TIMEOUT);
            assertThat(failure.message()).isEqualTo("data: rendering took longer than 500 ms");
        });
        assertThat(failure(trigger)).satisfies(failure -> {
            assertThat(failure.transientFailure()).isTrue();
            assertThat(failure.message()).startsWith("trigger_template: rendering took longer than 500 ms");
        });
    }

    @Test
    void shouldMarkAnInternalFaultAsTransient() throws Exception {
        CompiledWebhook data = compiler.compile(webhook(List.of("*"), null, "{{ incident.priority }}", null));
        clock.fail();

        RenderFailure failure = failure(data);

        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.field()).isNull();
        assertThat(failure.error().kind()).isEqualTo(TemplateError.INTERNAL);
        assertThat(failure.message()).startsWith("internal error: java.lang.IllegalStateException: clock broken");
    }

    @Test
    void shouldFailATemplateThatIsWrongForTheEventAtOnce() throws Exception {
        assertThat(failure(compiler.compile(webhook(List.of("*"), null, "{{ event.getClass() }}", null))))
                .satisfies(failure -> {
                    assertThat(failure.transientFailure()).isFalse();
                    assertThat(failure.error().kind()).isEqualTo(TemplateError.SANDBOX);
                });
        assertThat(failure(compiler.compile(webhook(List.of("*"), null, null, "\"not an object\""))))
                .satisfies(failure -> {
                    assertThat(failure.transientFailure()).isFalse();
                    assertThat(failure.field()).isEqualTo("headers");
                });
        assertThat(failure(compiler.compile(webhook(List.of("*"), null, "{% if %}", null))))
                .satisfies(failure -> {
                    assertThat(failure.transientFailure()).isFalse();
                    assertThat(failure.error().kind()).isEqualTo(TemplateError.SYNTAX);
                });
    }

    private Evaluation evaluate(WebhookConfig webhook) throws Exception {
        return evaluator.evaluate(compiler.compile(webhook), event(), LIMIT);
    }

    private RenderFailure failure(CompiledWebhook webhook) throws Exception {
        Evaluation evaluation = evaluator.evaluate(webhook, event(), LIMIT);
        assertThat(evaluation).isInstanceOf(Evaluation.Failed.class);
        return ((Evaluation.Failed) evaluation).failure();
    }

    private static PreparedEvent event() throws Exception {
        return PreparedEvent.of(new DomainEventParser().fromJson(Json.MAPPER.readTree("""
                {"specversion":"1.0","id":"e1","source":"/s","type":"incident.triggered","tenant":"acme",
                 "data":{"incident":{"priority":"P1"}}}""")));
    }

    private static WebhookConfig webhook(List<String> types, String trigger, String data, String headers)
            throws Exception {
        JsonNode headersNode = headers == null ? null : Json.MAPPER.readTree(headers);
        return new WebhookConfig("w1", "acme", 1, "n", true, null, "https://x.example/", List.of(), "POST", null,
                types, null, null, trigger, data, false, headersNode, null, null, null, null, null, List.of(), 3, 1000,
                null, Ordering.NONE, null, null, null);
    }

    /** A render clock that can stall (every reading 10 s after the last: the thread never gets a CPU) or break. */
    private static final class StallingClock implements LongSupplier {
        private long offset;
        private boolean stalled;
        private boolean broken;

        void stall() {
            stalled = true;
        }

        void fail() {
            broken = true;
        }

        @Override
        public long getAsLong() {
            if (broken) {
                throw new IllegalStateException("clock broken");
            }
            if (stalled) {
                offset += Duration.ofSeconds(10).toNanos();
            }
            return System.nanoTime() + offset;
        }
    }
}
