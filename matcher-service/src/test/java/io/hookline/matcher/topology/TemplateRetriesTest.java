package io.hookline.matcher.topology;

import static io.hookline.matcher.topology.MatcherDriver.header;
import static io.hookline.matcher.topology.MatcherDriver.text;
import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.rules.template.TemplateLimits;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A render that runs out of wall-clock time (a CPU starved by others) or fails inside Hookline is not the template's
 * fault: it is tried again, with a longer limit after a pause, and if it keeps failing the event goes to
 * domain-events-dlq for that webhook, with the reason; it is never logged as failed for good. A template that is wrong
 * for the event still fails at once. Starvation is a render clock that jumps, so nothing here sleeps.
 */
class TemplateRetriesTest {

    private static final TemplateLimits LIMITS =
            new TemplateLimits(1024 * 1024, Duration.ofMillis(500), 10_000, 10_000);

    private final StarvingClock clock = new StarvingClock();
    private final MatcherDriver matcher = new MatcherDriver(LIMITS, clock);

    @AfterEach
    void close() {
        matcher.close();
    }

    @Test
    void shouldRenderAgainWhenTheCpuWasStarvedForAMomentAndDeliver() {
        // Given a sound template, and a CPU starved during the first render only
        matcher.configure(webhook("wh-1").data("{\"title\": \"{{ incident.title }}\"}"));
        clock.starveRenders(1);

        // When
        matcher.send(TestEvents.INCIDENT);

        // Then it was rendered again after a pause, and the job went out; nothing failed
        assertThat(matcher.jobs()).extracting(DeliveryJob::body).containsExactly("{\"title\": \"DB down\"}");
        assertThat(matcher.pauses).containsExactly(Duration.ofMillis(100));
        assertThat(matcher.log.isEmpty()).isTrue();
        assertThat(matcher.dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldRetryATriggerTemplateThatRanOutOfTime() {
        matcher.configure(webhook("wh-1").triggerTemplate("{{ incident.priority == 'P1' }}"));
        clock.starveRenders(2);

        matcher.send(TestEvents.INCIDENT);

        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId).containsExactly("wh-1");
        assertThat(matcher.pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void shouldDeadLetterTheEventForAWebhookThatKeepsRunningOutOfTime() {
        // Given a CPU that stays starved, and a second webhook without templates
        matcher.configure(webhook("wh-slow").version(3).data("{{ incident.title }}"), webhook("wh-plain"));
        clock.starveRenders(Integer.MAX_VALUE);

        // When
        matcher.send(TestEvents.INCIDENT);

        // Then after three attempts with growing limits, the event is in the DLQ for that webhook, with the reason
        List<TestRecord<byte[], byte[]>> dead = matcher.dlq.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(text(dead.get(0).key())).isEqualTo("INC-123");
        assertThat(text(dead.get(0).value())).isEqualTo(TestEvents.INCIDENT);
        assertThat(header(dead.get(0).headers(), "error")).isEqualTo("render_timeout");
        assertThat(header(dead.get(0).headers(), "webhook-id")).isEqualTo("wh-slow");
        assertThat(header(dead.get(0).headers(), "error-detail")).isEqualTo(
                "webhook wh-slow version 3, after 3 attempts: data: rendering took longer than 2000 ms");
        assertThat(matcher.pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        // nothing says it failed for good, and the other webhook got its job
        assertThat(matcher.log.isEmpty()).isTrue();
        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId).containsExactly("wh-plain");
        assertThat(matcher.metrics.invalidEvents("render_timeout")).isZero();
    }

    @Test
    void shouldRetryAnInternalErrorAndDeadLetterItIfItStays() {
        matcher.configure(webhook("wh-1").data("{{ incident.title }}"));
        clock.breakDown();

        matcher.send(TestEvents.INCIDENT);

        var dead = matcher.dlq.readRecord();
        assertThat(header(dead.headers(), "error")).isEqualTo("internal_error");
        assertThat(header(dead.headers(), "error-detail"))
                .startsWith("webhook wh-1 version 1, after 3 attempts: internal error: ")
                .contains("render clock broken");
        assertThat(matcher.log.isEmpty()).isTrue();
        assertThat(matcher.jobs()).isEmpty();
    }

    @Test
    void shouldFailATemplateThatIsWrongForTheEventAtOnceWithoutRetrying() {
        matcher.configure(webhook("wh-sandbox").data("{{ event.getClass() }}"),
                webhook("wh-headers").headers("\"not json {{ event.id }}\""));

        matcher.send(TestEvents.INCIDENT);

        assertThat(matcher.log.readValuesToList()).extracting(DeliveryAttempt::webhookId)
                .containsExactlyInAnyOrder("wh-sandbox", "wh-headers");
        assertThat(matcher.pauses).isEmpty();
        assertThat(matcher.dlq.isEmpty()).isTrue();
        assertThat(matcher.jobs()).isEmpty();
    }

    @Test
    void shouldDeadLetterATemplateThatIsTooSlowEvenWithMoreTime() {
        // A real clock and a real endless loop: 500, 1000 and 2000 ms, then the DLQ
        try (MatcherDriver real = new MatcherDriver(LIMITS)) {
            real.configure(webhook("wh-loop").data(
                    "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}{% endfor %}"
                            + "{% endfor %}{% endfor %}"));

            real.send(TestEvents.INCIDENT);

            var dead = real.dlq.readRecord();
            assertThat(header(dead.headers(), "error")).isEqualTo("render_timeout");
            assertThat(header(dead.headers(), "error-detail")).endsWith("rendering took longer than 2000 ms");
            assertThat(real.log.isEmpty()).isTrue();
        }
    }

    /**
     * The render clock of a starved CPU: while starving, every reading is 10 s after the one before, so a render
     * times out at its first step (it reads the clock at its start and at that step). It can also break down.
     */
    private static final class StarvingClock implements LongSupplier {
        private long offset;
        private long starvedReadings;
        private boolean broken;

        void starveRenders(int renders) {
            starvedReadings = 2L * renders;
        }

        void breakDown() {
            broken = true;
        }

        @Override
        public synchronized long getAsLong() {
            if (broken) {
                throw new IllegalStateException("render clock broken");
            }
            if (starvedReadings > 0) {
                starvedReadings--;
                offset += Duration.ofSeconds(10).toNanos();
            }
            return System.nanoTime() + offset;
        }
    }
}
