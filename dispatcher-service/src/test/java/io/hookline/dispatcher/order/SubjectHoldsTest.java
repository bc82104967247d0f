package io.hookline.dispatcher.order;

import static io.hookline.dispatcher.order.SubjectOrderTest.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.dispatcher.support.DispatcherKit;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared subject holds on the real broker: what one dispatcher holds, every other one sees. */
class SubjectHoldsTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final Map<String, Object> settings = Map.of("hookline.dispatcher.subject-hold-timeout", "1m");
    private final ApplicationContext first = kit.start(settings);
    private ApplicationContext second;

    @AfterEach
    void stop() {
        first.close();
        if (second != null) {
            second.close();
        }
        kit.close();
    }

    @Test
    void shouldHoldLaterJobsOfTheSameSubjectAndEndpointOnly() {
        SubjectHolds holds = first.getBean(SubjectHolds.class);
        Instant now = Instant.now();
        Instant due = now.plusSeconds(30);

        holds.hold(job("d2", "INC-1", 2), due).join();

        assertThat(holds.heldBefore(job("d3", "INC-1", 3), now)).extracting(SubjectHold::dueAt).containsExactly(due);
        assertThat(holds.heldBefore(job("d1", "INC-1", 1), now)).isEmpty();
        assertThat(holds.heldBefore(job("d2", "INC-1", 2), now)).as("its own hold").isEmpty();
        assertThat(holds.heldBefore(job("d4", "INC-2", 4), now)).isEmpty();
        assertThat(holds.heldBefore(otherEndpoint("d5", "INC-1", 5), now)).isEmpty();
        assertThat(holds.heldBefore(SubjectOrderTest.job("d6", "INC-1", "1:5"), now))
                .as("a job from another domain-events partition: Kafka orders nothing across partitions").isEmpty();
    }

    @Test
    void shouldShowHoldsToANewInstanceAndReleaseThemEverywhere() {
        Instant now = Instant.now();
        DeliveryJob held = job("d1", "INC-9", 1);
        first.getBean(SubjectHolds.class).hold(held, now.plusSeconds(30)).join();

        second = kit.start(settings);
        SubjectHolds seenBySecond = second.getBean(SubjectHolds.class);
        assertThat(seenBySecond.heldBefore(job("d2", "INC-9", 2), now)).hasSize(1);

        seenBySecond.release(held).join();

        assertThat(seenBySecond.isHeld(held)).isFalse();
        await().atMost(DispatcherKit.timeout()).until(() -> !first.getBean(SubjectHolds.class).isHeld(held));
    }

    @Test
    void shouldStopHoldingOnceOverdueByTheTimeoutAndSweepWhatIsLongPastUse() {
        SubjectHolds holds = first.getBean(SubjectHolds.class);
        Instant now = Instant.now();
        DeliveryJob overdue = job("d1", "INC-3", 1);
        holds.hold(overdue, now.minus(Duration.ofSeconds(90))).join();
        DeliveryJob forgotten = job("d7", "INC-4", 1);
        holds.hold(forgotten, now.minus(Duration.ofMinutes(3))).join();

        assertThat(holds.heldBefore(job("d2", "INC-3", 2), now)).isEmpty();

        holds.sweep(now);

        await().atMost(DispatcherKit.timeout()).until(() -> !holds.isHeld(forgotten));
        assertThat(holds.isHeld(overdue)).as("overdue but not yet twice the timeout").isTrue();
    }

    private static DeliveryJob otherEndpoint(String deliveryId, String subject, long offset) {
        return new DeliveryJob(deliveryId, "w", 1, "default", "https://other.test", "POST", null, "{}", "e", "t",
                subject, null, null, "0:" + offset, Ordering.SUBJECT, 1, 3, 1000, Instant.now(), null, null, null);
    }
}
