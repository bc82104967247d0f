package io.hookline.dispatcher.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.Ordering;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final List<SubjectHold> holds = new ArrayList<>();
    private final SubjectOrder order = new SubjectOrder((job, now) -> holds.stream()
            .filter(hold -> hold.place().compareTo(SubjectPosition.of(job)) < 0)
            .toList());

    @Test
    void shouldLetTheFirstJobOfASubjectGo() {
        assertThat(order.gate(job("d1", "INC-1", 1), NOW)).isInstanceOf(SubjectOrder.Go.class);
    }

    @Test
    void shouldKeepALaterJobQueuedWhileAnEarlierOneIsBusy() {
        order.busy(job("d1", "INC-1", 1));

        assertThat(order.gate(job("d2", "INC-1", 2), NOW)).isInstanceOf(SubjectOrder.Wait.class);
        assertThat(order.gate(job("d3", "INC-2", 3), NOW)).isInstanceOf(SubjectOrder.Go.class);
    }

    @Test
    void shouldNotHoldAnEarlierJobBackForALaterBusyOne() {
        order.busy(job("d2", "INC-1", 2));

        assertThat(order.gate(job("d1", "INC-1", 1), NOW)).isInstanceOf(SubjectOrder.Go.class);
        assertThat(order.gate(job("d3", "INC-1", 3), NOW)).isInstanceOf(SubjectOrder.Wait.class);
    }

    @Test
    void shouldPutALaterJobAsideUntilTheLatestEarlierHoldIsDue() {
        Instant due = NOW.plusSeconds(10);
        holds.add(SubjectHold.of(job("d1", "INC-1", 1), NOW.plusSeconds(5)));
        holds.add(SubjectHold.of(job("d2", "INC-1", 2), due));

        assertThat(order.gate(job("d3", "INC-1", 3), NOW)).isEqualTo(new SubjectOrder.WaitUntil(due));
    }

    @Test
    void shouldKeepARetryQueuedUntilItsPreviousAttemptSettled() {
        DeliveryJob first = job("d1", "INC-1", 1);
        order.busy(first);

        assertThat(order.gate(first, NOW)).isInstanceOf(SubjectOrder.Wait.class);

        order.settled(first);
        assertThat(order.gate(first, NOW)).isInstanceOf(SubjectOrder.Go.class);
    }

    @Test
    void shouldTreatAHeldJobThatIsBackInFlightAsBusy() {
        DeliveryJob retried = job("d1", "INC-1", 1);
        holds.add(SubjectHold.of(retried, NOW.minusSeconds(1)));
        order.busy(retried);

        assertThat(order.gate(job("d2", "INC-1", 2), NOW)).isInstanceOf(SubjectOrder.Wait.class);
    }

    @Test
    void shouldLetTheSubjectGoOnOnceTheEarlierJobSettled() {
        DeliveryJob first = job("d1", "INC-1", 1);
        order.busy(first);
        order.settled(first);

        assertThat(order.gate(job("d2", "INC-1", 2), NOW)).isInstanceOf(SubjectOrder.Go.class);
    }

    @Test
    void shouldSortJobsWithoutAReadablePositionLast() {
        DeliveryJob unplaced = job("d9", "INC-1", "garbage");

        assertThat(SubjectPosition.of(unplaced)).isGreaterThan(SubjectPosition.of(job("d1", "INC-1", 5)));
        assertThat(SubjectPosition.of(job("d1", "INC-1", 5))).isLessThan(SubjectPosition.of(job("d2", "INC-1", 6)));
    }

    static DeliveryJob job(String deliveryId, String subject, long offset) {
        return job(deliveryId, subject, "0:" + offset);
    }

    static DeliveryJob job(String deliveryId, String subject, String position) {
        return new DeliveryJob(deliveryId, "w", 1, "default", "https://example.test", "POST", null, "{}", "e", "t",
                subject, null, null, position, Ordering.SUBJECT, 1, 3, 1000, NOW, null, null, null);
    }
}
