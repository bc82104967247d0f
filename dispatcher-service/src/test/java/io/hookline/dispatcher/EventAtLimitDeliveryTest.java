package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.topic.RetryTier;
import io.hookline.contracts.topic.Topics;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.LargeRecords;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With the default event limit (1 MiB), on a broker whose own record limit is 1 MiB: the job of an event at the limit
 * carries it twice (body and event copy), and is still delivered, retried and logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventAtLimitDeliveryTest {

    private static final int EVENT_LIMIT = 1024 * 1024;

    private final DispatcherKit kit = new DispatcherKit();
    private final LargeRecords large = new LargeRecords(kit);
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        dispatcher = kit.start(Map.of("hookline.dispatcher.retry-delay-scale", 0.01));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        large.close();
        kit.close();
    }

    @Test
    void shouldRetryAndDeliverTheJobOfAnEventAtTheLimit() {
        // Given an endpoint that fails once, then takes it
        receiver.stubFor(any(urlPathEqualTo("/big")).inScenario("big").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        receiver.stubFor(any(urlPathEqualTo("/big")).inScenario("big").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/big", kit.cipher,
                Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        String event = eventOfSize(EVENT_LIMIT);
        DeliveryJob job = spec.job("BIG-1", event, 1);

        // When
        large.publishJob(job);

        // Then
        List<DeliveryAttempt> attempts = await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(job.deliveryId()), found -> found.size() >= 2).stream()
                .sorted(Comparator.comparing(DeliveryAttempt::attempt)).toList();
        assertThat(attempts).extracting(DeliveryAttempt::outcome)
                .containsExactly(Outcome.RETRYING, Outcome.SUCCEEDED);
        assertThat(attempts.get(0).requestBodyTruncated()).isTrue();
        List<LoggedRequest> requests = receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .anyRequestedFor(urlPathEqualTo("/big")));
        assertThat(requests).hasSize(2).allSatisfy(request ->
                assertThat(request.getBodyAsString()).isEqualTo(event));
        DeliveryJob retried = await().atMost(DispatcherKit.timeout()).until(() -> kit
                .reader(Topics.retryTier(RetryTier.SECONDS_10).name()).values(DeliveryJob.class).stream()
                .filter(r -> r.deliveryId().equals(job.deliveryId())).findFirst().orElse(null), found -> found != null);
        assertThat(retried.eventData()).isEqualTo(event);
    }

    private static String eventOfSize(int size) {
        String empty = event("");
        return event("x".repeat(size - empty.getBytes(StandardCharsets.UTF_8).length));
    }

    private static String event(String blob) {
        return "{\"specversion\":\"1.0\",\"id\":\"evt-big\",\"source\":\"/size\",\"type\":\"incident.triggered\","
                + "\"subject\":\"BIG-1\",\"tenant\":\"default\",\"data\":{\"blob\":\"" + blob + "\"}}";
    }
}
