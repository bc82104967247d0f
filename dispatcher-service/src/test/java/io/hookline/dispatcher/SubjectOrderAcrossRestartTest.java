package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.dispatcher.consumer.DeliveryConsumer;
import io.hookline.dispatcher.order.SubjectHolds;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-subject order survives the dispatcher: a job waiting for its retry keeps the later jobs of its subject back on
 * whichever dispatcher owns the endpoint next, because the hold is on Kafka, not in the memory of the one that died.
 */
class SubjectOrderAcrossRestartTest {

    private static final String PATH = "/ordered";
    // The first retry comes after 10 s scaled to about 2 s: long enough for a later job to overtake, if not held.
    private static final Map<String, Object> SETTINGS = Map.of("hookline.dispatcher.retry-delay-scale", 0.2);

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        receiver.start();
        receiver.stubFor(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(any(urlPathEqualTo(PATH)).withRequestBody(equalToJson("{\"n\":0}")).inScenario("first")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("healed"));
    }

    @AfterEach
    void stop() {
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldKeepALaterJobBehindARetryPendingBeforeAnAbruptStop() {
        // Given an ordered endpoint whose first answer to event 0 is a failure, seen by a dispatcher that then dies
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + PATH, kit.cipher,
                Webhooks.newSigningSecret()).ordering(Ordering.SUBJECT);
        DeliveryJob first = spec.job("INC-7", "{\"n\":0}", 10);
        DeliveryJob later = spec.job("INC-7", "{\"n\":1}", 11);
        ApplicationContext dying = kit.start(SETTINGS);
        kit.publishWebhook(spec.config());
        kit.publishJob(first);
        await().atMost(DispatcherKit.timeout()).until(() -> kit.attemptsOf(first.deliveryId()).stream()
                .anyMatch(attempt -> attempt.outcome() == Outcome.RETRYING));
        await().atMost(DispatcherKit.timeout()).until(() -> dying.getBean(SubjectHolds.class).size() == 1);
        dying.getBean(DeliveryConsumer.class).halt();
        dying.close();

        // When a new dispatcher takes over and the later event of the subject arrives before the retry is due
        ApplicationContext next = kit.start(SETTINGS);
        try {
            kit.publishJob(later);

            // Then the retry of event 0 reaches the endpoint first, and the hold is released afterwards
            await().atMost(DispatcherKit.timeout()).until(() -> succeeded().size() >= 2);
            assertThat(succeeded()).containsExactly("{\"n\":0}", "{\"n\":1}");
            await().atMost(DispatcherKit.timeout()).until(() -> next.getBean(SubjectHolds.class).size() == 0);
        } finally {
            next.close();
        }
    }

    private List<String> succeeded() {
        return receiver.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 200)
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest)
                .map(request -> request.getBodyAsString())
                .toList();
    }
}
