package io.hookline.dispatcher.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.Ordering;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubjectOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final SubjectOrder order = new SubjectOrder(Duration.ofMinutes(5));

    @Test
    void shouldLetTheFirstJobOfASubjectGo() {
        assertThat(order.gate(job("d1", "INC-1", 1), NOW)).isInstanceOf(SubjectOrder.Go.class);
    }

    @Test
    void shouldHoldALaterJobWhileAnEarlierOneIsInFlight() {
        order.inFlight(job("d1", "INC-1", 1));

        assertThat(order.gate(job("d2", "INC-1", 2), NOW)).isInstanceOf(SubjectOrder.Wait.class);
        assertThat(order.gate(job("d3", "INC-2", 3), NOW)).isInstanceOf(SubjectOrder.Go.class);
    }

    @Test
    void shouldPutALaterJobAsideUntilAnEarlierRetryIsDue() {
        Instant due = NOW.plusSeconds(10);
        order.waiting(job("d1", "INC-1", 1), due);

        assertThat(order.gate(job("d2", "INC-1", 2), NOW)).isEqualTo(new SubjectOrder.WaitUntil(due));
        // The retry itself is not held back by its own hold.
        assertThat(order.gate(job("d1", "INC-1", 1), NOW)).isInstanceOf(SubjectOrder.Go.class);
    }

    @Test
    void shouldReleaseTheSubjectWhenTheEarlierJobIsDone() {
        DeliveryJob first = job("d1", "INC-1", 1);
        order.inFlight(first);
        order.done(first);

        assertThat(order.gate(job("d2", "INC-1", 2), NOW)).isInstanceOf(SubjectOrder.Go.class);
        assertThat(order.size()).isZero();
    }

    @Test
    void shouldStopHoldingForARetryLongOverdue() {
        order.waiting(job("d1", "INC-1", 1), NOW.minus(Duration.ofMinutes(6)));

        assertThat(order.gate(job("d2", "INC-1", 2), NOW)).isInstanceOf(SubjectOrder.Go.class);
    }

    private static DeliveryJob job(String deliveryId, String subject, long offset) {
        return new DeliveryJob(deliveryId, "w", 1, "default", "https://example.test", "POST", null, "{}", "e", "t",
                subject, null, null, "0:" + offset, Ordering.SUBJECT, 1, 3, 1000, NOW, null, null, null);
    }
}
