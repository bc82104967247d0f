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
import io.hookline.dispatcher.consumer.DeliveryConsumer;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.hookline.service.webhook.WebhookDirectory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job may end as "webhook deleted" or "URL removed" only when the dispatcher's view of {@code webhook-config} has
 * applied the job's webhook version; a view that lags delays the job, and a view that died stops the dispatcher.
 */
class LaggingWebhookViewTest {

    /** Longer than any catch-up wait: a dispatcher that gives up on a lagging view has ended the job by then. */
    private static final Duration LAG = Duration.ofSeconds(8);

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final CountDownLatch viewMayGoOn = new CountDownLatch(1);
    private ApplicationContext dispatcher;

    @BeforeEach
    void start() {
        receiver.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        dispatcher = kit.start(Map.of());
    }

    @AfterEach
    void stop() {
        viewMayGoOn.countDown();
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldWaitForALaggingViewInsteadOfEndingTheJob() {
        // Given a webhook whose URL moves in version 2, and a view stuck on a record written before version 2
        var moved = Webhooks.Spec.of(url("/old"), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(moved.config());
        var blocker = Webhooks.Spec.of(url("/blocker"), kit.cipher, Webhooks.newSigningSecret());
        kit.dispatcherView(dispatcher).addListener((id, webhook) -> {
            if (id.equals(blocker.id())) {
                awaitQuietly(viewMayGoOn);
            }
        });
        kit.publishWebhook(blocker.config());
        var movedV2 = moved.url(url("/new")).enabled(true); // enabled(...) makes it version 2
        kit.publishWebhook(movedV2.config());
        var created = Webhooks.Spec.of(url("/created"), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(created.config());

        // When the matcher, which has read version 2 and the new webhook, sends jobs for them
        DeliveryJob toNewUrl = movedV2.job("S-1", "{}", 1);
        DeliveryJob toNewWebhook = created.job("S-2", "{}", 2);
        kit.publishJob(toNewUrl);
        kit.publishJob(toNewWebhook);

        // Then neither ends while the view lags, and both are delivered once it catches up
        await().during(LAG).atMost(LAG.plusSeconds(5)).until(() -> kit.attemptsOf(toNewUrl.deliveryId()).isEmpty()
                && kit.attemptsOf(toNewWebhook.deliveryId()).isEmpty());
        viewMayGoOn.countDown();
        for (DeliveryJob job : List.of(toNewUrl, toNewWebhook)) {
            List<DeliveryAttempt> attempts = await().atMost(DispatcherKit.timeout())
                    .until(() -> kit.attemptsOf(job.deliveryId()), found -> !found.isEmpty());
            assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.SUCCEEDED);
        }
        assertThat(receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/new")))).hasSize(1);
    }

    @Test
    void shouldStopTakingJobsAndReportUnhealthyWhenTheViewDies() throws Exception {
        // Given a dispatcher serving /health, whose webhook view's thread dies on a record
        EmbeddedServer server = dispatcher.getBean(EmbeddedServer.class);
        server.start();
        assertThat(health(server)).isEqualTo(200);
        var poison = Webhooks.Spec.of(url("/poison"), kit.cipher, Webhooks.newSigningSecret());
        kit.dispatcherView(dispatcher).addListener((id, webhook) -> {
            if (id.equals(poison.id())) {
                throw new IllegalStateException("the view's thread dies here");
            }
        });
        kit.publishWebhook(poison.config());

        // Then the dispatcher stops consuming and reports itself down
        await().atMost(DispatcherKit.timeout()).until(() -> !dispatcher.getBean(DeliveryConsumer.class).isRunning());
        assertThat(health(server)).isEqualTo(503);

        // When a job comes for a webhook the dead view never saw
        var later = Webhooks.Spec.of(url("/later"), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(later.config());
        DeliveryJob job = later.job("S-3", "{}", 3);
        kit.publishJob(job);

        // Then it is not ended here: the next dispatcher of the group delivers it
        try (ApplicationContext next = kit.start(Map.of())) {
            List<DeliveryAttempt> attempts = await().atMost(DispatcherKit.timeout())
                    .until(() -> kit.attemptsOf(job.deliveryId()), found -> !found.isEmpty());
            assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.SUCCEEDED);
        }
    }

    private String url(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    private static int health(EmbeddedServer server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
