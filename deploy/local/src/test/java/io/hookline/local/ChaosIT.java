package io.hookline.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md section 8 on real processes: every event accepted into {@code domain-events} is delivered at least
 * once, although the matcher and the dispatcher are killed with {@code kill -9} while deliveries are under way and
 * the broker restarts before they come back.
 */
class ChaosIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(3);
    private static final String HOOK = "/hooks/chaos";

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort().containerThreads(30));
    private LocalSettings settings;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver.start();
        // Slow enough that when the dispatcher is killed, its first requests (at most 10 at a time to one endpoint)
        // are still waiting for their answers and most jobs have not been sent.
        receiver.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        settings = FreePorts.settings(Files.createTempDirectory("hookline-chaos"));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void shouldDeliverEveryAcceptedEventThroughKilledServicesAndABrokerRestart() throws Exception {
        try (LocalStack stack = LocalStack.start(settings)) {
            HooklineApi api = new HooklineApi(stack.adminToken());
            String config = stack.url(Service.CONFIG);
            HooklineApi.Reply created = api.post(config + "/api/v1/webhooks/", """
                    {"name":"chaos","url":"%s","http_method":"POST","event_types":["incident.triggered"]}"""
                    .formatted(receiver.baseUrl() + HOOK));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            List<String> accepted = new ArrayList<>();

            // Given deliveries under way
            publish(api, config, accepted, 0, 20);
            await().atMost(DELIVERY_TIMEOUT).until(() -> received().size() >= 3);

            // When the matcher and the dispatcher die mid-flight, events keep coming, and the broker restarts
            stack.kill(Service.MATCHER);
            stack.kill(Service.DISPATCHER);
            int receivedWhenKilled = received().size();
            publish(api, config, accepted, 20, 30);
            stack.restartBroker();
            publish(api, config, accepted, 30, 40);
            stack.restart(Service.MATCHER);
            stack.restart(Service.DISPATCHER);

            // Then every accepted event reaches the receiver
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(received()).containsAll(accepted));
            assertThat(receivedWhenKilled).as("killed while the first events were under way").isLessThan(20);
        }
    }

    /** Posts events {@code from} to {@code to} (exclusive), each until it is accepted, as a producer would. */
    private static void publish(HooklineApi api, String config, List<String> accepted, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = "evt-chaos-" + i;
            String event = """
                    {"specversion":"1.0","id":"%s","source":"/incidents","type":"incident.triggered",
                     "subject":"INC-%d","data":{"incident":{"id":"INC-%d","title":"chaos %d"}}}"""
                    .formatted(id, i, i, i);
            await().atMost(DELIVERY_TIMEOUT).ignoreExceptions()
                    .until(() -> api.post(config + "/api/v1/events", event).status() == 202);
            accepted.add(id);
        }
    }

    /** The event ids the receiver got, duplicates folded. */
    private Set<String> received() {
        return receiver.findAll(postRequestedFor(urlEqualTo(HOOK))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(ChaosIT::eventId)
                .collect(Collectors.toSet());
    }

    private static String eventId(String body) {
        try {
            return Json.MAPPER.readTree(body).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
