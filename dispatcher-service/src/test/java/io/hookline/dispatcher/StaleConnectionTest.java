package io.hookline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.topic.RetryTier;
import io.hookline.contracts.topic.Topics;
import io.hookline.dispatcher.support.CloseRace;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.RawReceiver;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Endpoints close idle keep-alive connections. A request handed a pooled connection the endpoint has already closed
 * was never sent: it goes out again at once on a fresh connection and is no attempt, neither a failed record nor a
 * retry. Only an endpoint that keeps closing makes a (normal) failed attempt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaleConnectionTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final CloseRace race = new CloseRace();
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        // Validation after a minute of inactivity: here the pool must hand out the connection the endpoint closed,
        // the race that validation of idle connections cannot rule out.
        dispatcher = ApplicationContext.builder()
                .properties(kit.properties(Map.of("hookline.dispatcher.connections.validate-after-inactivity", "1m")))
                .singletons(race)
                .start();
    }

    @AfterAll
    void stop() {
        race.release();
        dispatcher.close();
        kit.close();
    }

    @Test
    void shouldSendAgainOnAFreshConnectionWhenThePooledOneWasClosedByTheEndpoint() {
        // Given an endpoint that closes a connection idle for 200 ms, like Node.js after its keep-alive timeout
        int jobCount = 3;
        AtomicInteger closes = new AtomicInteger();
        Runnable raceTheNextJob = () -> {
            if (closes.incrementAndGet() < jobCount) {
                race.arm();
            }
        };
        try (RawReceiver receiver = RawReceiver.closingWhenIdle(Duration.ofMillis(200), raceTheNextJob)) {
            var spec = Webhooks.Spec.of(receiver.url("/hook"), kit.cipher, Webhooks.newSigningSecret());
            kit.publishWebhook(spec.config());
            List<DeliveryJob> jobs = IntStream.rangeClosed(1, jobCount)
                    .mapToObj(n -> spec.job("INC-" + n, "{}", n)).toList();

            // When each job comes once the endpoint has closed the connection the one before used
            for (int i = 0; i < jobs.size(); i++) {
                int closed = i;
                await().atMost(DispatcherKit.timeout()).until(() -> receiver.endedIdle() == closed);
                kit.publishJob(jobs.get(i));
                awaitAttempt(jobs.get(i).deliveryId());
            }

            // Then every job was delivered once, with one successful attempt, on a connection of its own
            assertThat(race.caught()).as("requests queued on a connection the endpoint had closed").isEqualTo(2);
            for (DeliveryJob job : jobs) {
                assertThat(kit.attemptsOf(job.deliveryId())).singleElement().satisfies(attempt -> {
                    assertThat(attempt.outcome()).isEqualTo(Outcome.SUCCEEDED);
                    assertThat(attempt.statusCode()).isEqualTo(200);
                });
            }
            assertThat(receiver.received()).extracting(RawReceiver.Received::webhookId)
                    .containsExactlyElementsOf(jobs.stream().map(DeliveryJob::deliveryId).toList());
            assertThat(receiver.received()).extracting(RawReceiver.Received::connection).containsExactly(1, 2, 3);
            assertThat(retried(jobs)).isEmpty();
        }
    }

    @Test
    void shouldSendAgainWhenTheEndpointResetsAKeptAliveConnectionAsTheRequestArrives() {
        // Given an endpoint that resets every connection when its second request arrives, before answering it
        try (RawReceiver receiver = RawReceiver.resettingReusedConnections()) {
            var spec = Webhooks.Spec.of(receiver.url("/reset"), kit.cipher, Webhooks.newSigningSecret());
            kit.publishWebhook(spec.config());
            List<DeliveryJob> jobs = IntStream.rangeClosed(11, 14)
                    .mapToObj(n -> spec.job("INC-" + n, "{}", n)).toList();

            // When the jobs come one after the other, each on the connection the one before used
            for (DeliveryJob job : jobs) {
                kit.publishJob(job);
                awaitAttempt(job.deliveryId());
            }

            // Then each was delivered once on a fresh connection, with one successful attempt and no retry
            for (DeliveryJob job : jobs) {
                assertThat(kit.attemptsOf(job.deliveryId())).singleElement()
                        .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(Outcome.SUCCEEDED));
            }
            assertThat(receiver.received()).extracting(RawReceiver.Received::webhookId)
                    .containsExactlyElementsOf(jobs.stream().map(DeliveryJob::deliveryId).toList());
            assertThat(receiver.accepted()).isEqualTo(jobs.size());
            assertThat(retried(jobs)).isEmpty();
        }
    }

    @Test
    void shouldMakeANormalFailedAttemptOfAnEndpointThatAlwaysClosesWithoutAnswering() {
        // Given
        try (RawReceiver receiver = RawReceiver.closingWithoutAnswer()) {
            var spec = Webhooks.Spec.of(receiver.url("/hook"), kit.cipher, Webhooks.newSigningSecret()).maxRetries(0);
            kit.publishWebhook(spec.config());
            DeliveryJob job = spec.job("INC-4", "{}", 4);

            // When
            kit.publishJob(job);

            // Then one failed attempt, after at most the bounded re-sends of a request that was never written
            DeliveryAttempt attempt = awaitAttempt(job.deliveryId());
            assertThat(attempt.outcome()).isEqualTo(Outcome.DEAD);
            assertThat(attempt.errorClass()).isEqualTo("connection_reset");
            assertThat(receiver.accepted()).isBetween(1, 3);
            assertThat(kit.attemptsOf(job.deliveryId())).hasSize(1);
        }
    }

    private DeliveryAttempt awaitAttempt(String deliveryId) {
        return await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(deliveryId), attempts -> !attempts.isEmpty()).get(0);
    }

    private List<DeliveryJob> retried(List<DeliveryJob> jobs) {
        List<String> ids = jobs.stream().map(DeliveryJob::deliveryId).toList();
        return kit.reader(Topics.retryTier(RetryTier.SECONDS_10).name()).values(DeliveryJob.class).stream()
                .filter(job -> ids.contains(job.deliveryId()))
                .toList();
    }
}
