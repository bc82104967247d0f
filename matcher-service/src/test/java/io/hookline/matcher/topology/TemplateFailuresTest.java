package io.hookline.matcher.topology;

import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.rules.template.TemplateLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A template that is wrong for an event is logged as a failed delivery at once; the stream and the other webhooks go
 * on. (A template that runs out of time is not the template's fault: {@link TemplateRetriesTest}.)
 */
class TemplateFailuresTest {

    private final MatcherDriver matcher =
            new MatcherDriver(new TemplateLimits(1024 * 1024, Duration.ofMillis(200), 10_000, 10_000));

    @AfterEach
    void close() {
        matcher.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "method call      | {{ event.getClass() }}",
        "class walk       | {{ event.id.getClass().forName('java.lang.Runtime') }}",
        "java method      | {{ event.id.toUpperCase() }}",
        "output bomb      | {% for a in range(10000) %}{% for b in range(10000) %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}",
        "recursion        | {% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"
    })
    void shouldLogASandboxEscapeAsAFailedDeliveryAndGoOn(String attempt, String template) {
        // Given a webhook whose data template tries to escape, and a well-behaved one
        matcher.configure(webhook("wh-bad").data(template).urls("https://example.com/second"), webhook("wh-good"));

        // When
        matcher.send(TestEvents.INCIDENT);
        matcher.send(TestEvents.event("evt-next", "incident.triggered", "acme", "{}"));

        // Then the bad one is logged per endpoint, and the good one still gets both events
        List<DeliveryAttempt> failures = matcher.log.readValuesToList();
        assertThat(failures).hasSize(4).allSatisfy(failure -> {
            assertThat(failure.webhookId()).isEqualTo("wh-bad");
            assertThat(failure.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failure.errorClass()).isEqualTo("template");
            assertThat(failure.error()).startsWith("data: ");
            assertThat(failure.attempt()).isEqualTo(1);
        });
        assertThat(failures).extracting(DeliveryAttempt::url).containsExactly("https://example.com/hook",
                "https://example.com/second", "https://example.com/hook", "https://example.com/second");
        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId).containsExactly("wh-good", "wh-good");
    }

    @Test
    void shouldLogARenderErrorWithTheDeliveryIdTheJobWouldHaveHad() {
        matcher.configure(webhook("wh-1").data("{{ event.getClass() }}"));

        matcher.send(TestEvents.INCIDENT);
        matcher.configure(webhook("wh-1").version(2));
        matcher.send(TestEvents.INCIDENT);

        var failure = matcher.log.readRecordsToList().get(0);
        assertThat(failure.key()).isEqualTo("wh-1");
        assertThat(failure.value().error()).contains("method calls are not allowed");
        assertThat(failure.value().eventId()).isEqualTo("evt-7f3a");
        assertThat(failure.value().eventType()).isEqualTo("incident.triggered");
        assertThat(failure.value().eventData()).contains("DB down");
        assertThat(matcher.jobs().get(0).deliveryId()).isEqualTo(failure.value().deliveryId());
    }

    @Test
    void shouldLogAFailingTriggerTemplate() {
        matcher.configure(webhook("wh-1").triggerTemplate("{{ event.hashCode() }}"));

        matcher.send(TestEvents.INCIDENT);

        assertThat(matcher.jobs()).isEmpty();
        DeliveryAttempt failure = matcher.log.readValue();
        assertThat(failure.error()).startsWith("trigger_template: ");
        assertThat(failure.errorClass()).isEqualTo("template");
    }

    @Test
    void shouldLogAHeadersTemplateThatDoesNotRenderAnObject() {
        matcher.configure(webhook("wh-1").headers("\"not json {{ event.id }}\""),
                webhook("wh-2").headers("{\"X-Evil\": \"a{{ '\\n' }}Injected: yes\"}"));

        matcher.send(TestEvents.INCIDENT);

        assertThat(matcher.jobs()).isEmpty();
        assertThat(matcher.log.readValuesToList()).extracting(DeliveryAttempt::error)
                .anySatisfy(error -> assertThat(error).startsWith("headers: "))
                .anySatisfy(error -> assertThat(error).startsWith("headers.X-Evil: "));
    }

    @Test
    void shouldLogAStoredTemplateThatDoesNotCompile() {
        matcher.configure(webhook("wh-1").data("{% if %}"), webhook("wh-2").filter("{\"op\":\"nope\"}"));

        matcher.send(TestEvents.INCIDENT);

        assertThat(matcher.jobs()).isEmpty();
        assertThat(matcher.log.readValuesToList()).extracting(DeliveryAttempt::error)
                .anySatisfy(error -> assertThat(error).startsWith("data: the webhook's data is invalid"))
                .anySatisfy(error -> assertThat(error).startsWith("filter: the webhook's filter"));
    }
}
