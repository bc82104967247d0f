package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.http.HttpOutcome;
import io.hookline.dispatcher.http.HttpSender;
import io.hookline.dispatcher.http.OutgoingRequest;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Outside local mode the real HTTP client refuses internal targets, and the refusal is logged and not retried. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsrfDeliveryTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("0.0.0.0"));
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        dispatcher = kit.start(Map.of("hookline.local-mode", false));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldRefuseLoopbackTargetsWithoutSendingAnything() {
        HttpSender sender = dispatcher.getBean(HttpSender.class);
        for (String host : List.of("127.0.0.1", "[::1]", "localhost")) {
            // When
            HttpOutcome outcome = sender.send(new OutgoingRequest("POST",
                    "http://" + host + ":" + receiver.port() + "/hook", Map.of(), "{}", 2000)).join();

            // Then
            assertThat(outcome.errorClass()).as(host).isEqualTo("ssrf_blocked");
            assertThat(outcome.statusCode()).isNull();
        }
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    /**
     * Numeric host tricks that reach loopback on some parsers (inet_aton reads {@code 0x7f.1} and {@code 127.1} as
     * 127.0.0.1) and IPv6 forms of loopback: each is refused by the address it resolves to ({@code ssrf_blocked}), or
     * does not resolve at all ({@code dns}: the JDK refuses ambiguous octal and hex literals); none reaches the
     * receiver, which listens on every local address.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://2130706433:%d/hook            | ssrf_blocked
            http://0:%d/hook                     | ssrf_blocked
            http://0x7f.1:%d/hook                | dns
            http://0x7f000001:%d/hook            | dns
            http://017700000001:%d/hook          | dns
            http://127.1:%d/hook                 | ssrf_blocked
            http://127.0.0.1.:%d/hook            | dns
            http://[::ffff:127.0.0.1]:%d/hook    | ssrf_blocked
            http://[::ffff:7f00:1]:%d/hook       | ssrf_blocked
            http://[0:0:0:0:0:ffff:7f00:1]:%d/hook | ssrf_blocked
            http://[::127.0.0.1]:%d/hook         | ssrf_blocked
            http://[64:ff9b::7f00:1]:%d/hook     | ssrf_blocked
            http://[2002:7f00:1::1]:%d/hook      | ssrf_blocked
            http://[::]:%d/hook                  | ssrf_blocked
            """)
    void shouldNeverReachLoopbackThroughAnotherSpellingOfIt(String template, String errorClass) {
        // When
        String url = template.formatted(receiver.port());
        HttpOutcome outcome = dispatcher.getBean(HttpSender.class)
                .send(new OutgoingRequest("POST", url, Map.of(), "{}", 2000)).join();

        // Then
        assertThat(outcome.errorClass()).as(url + ": " + outcome.error()).isEqualTo(errorClass);
        assertThat(outcome.statusCode()).isNull();
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldLogABlockedAttemptAsFailedWithoutRetry() {
        // Given
        var spec = Webhooks.Spec.of("http://127.0.0.1:" + receiver.port() + "/hook", kit.cipher,
                Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-1", "{}", 1);

        // When
        kit.publishJob(job);

        // Then
        DeliveryAttempt attempt = await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(job.deliveryId()), found -> !found.isEmpty()).get(0);
        assertThat(attempt.errorClass()).isEqualTo("ssrf_blocked");
        assertThat(attempt.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(attempt.nextAttemptAt()).isNull();
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }
}
