package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The once-per-hour limit on failure mails is kept on Kafka, so a restarted dispatcher does not mail again. */
class FailureMailAcrossRestartTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void stop() {
        receiver.stop();
        smtp.stop();
        kit.close();
    }

    @Test
    void shouldNotMailTheSameOwnerAgainAfterARestart() throws MessagingException {
        // Given a webhook whose deliveries always fail and whose owner was mailed by a dispatcher that then stopped
        receiver.start();
        smtp.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        Map<String, Object> settings = Map.of(
                "hookline.dispatcher.smtp.host", "127.0.0.1",
                "hookline.dispatcher.smtp.port", smtp.getSmtp().getPort());
        var failing = Webhooks.Spec.of(url("/failing"), kit.cipher, Webhooks.newSigningSecret()).maxRetries(0)
                .email("first@example.test");
        var other = Webhooks.Spec.of(url("/other"), kit.cipher, Webhooks.newSigningSecret()).maxRetries(0)
                .email("second@example.test");
        ApplicationContext before = kit.start(settings);
        kit.publishWebhook(failing.config());
        kit.publishWebhook(other.config());
        DeliveryJob firstDeath = failing.job("INC-1", "{}", 1);
        kit.publishJob(firstDeath);
        awaitDead(firstDeath);
        await().atMost(DispatcherKit.timeout()).until(() -> smtp.getReceivedMessages().length == 1);
        before.close();

        // When a new dispatcher gives up on another delivery of the same webhook, then on one of another webhook
        ApplicationContext after = kit.start(settings);
        try {
            DeliveryJob secondDeath = failing.job("INC-2", "{}", 2);
            kit.publishJob(secondDeath);
            awaitDead(secondDeath);
            DeliveryJob otherDeath = other.job("INC-3", "{}", 3);
            kit.publishJob(otherDeath);
            awaitDead(otherDeath);

            // Then only the other webhook's owner gets a new mail (mails go out one at a time, in order)
            await().atMost(DispatcherKit.timeout()).until(() -> smtp.getReceivedMessages().length >= 2);
            assertThat(recipients()).containsExactly("first@example.test", "second@example.test");
        } finally {
            after.close();
        }
    }

    private void awaitDead(DeliveryJob job) {
        await().atMost(DispatcherKit.timeout()).until(() -> kit.attemptsOf(job.deliveryId()).stream()
                .anyMatch(attempt -> attempt.outcome() == Outcome.DEAD));
    }

    private List<String> recipients() throws MessagingException {
        MimeMessage[] messages = smtp.getReceivedMessages();
        String[] to = new String[messages.length];
        for (int i = 0; i < messages.length; i++) {
            to[i] = messages[i].getAllRecipients()[0].toString();
        }
        return Arrays.asList(to);
    }

    private String url(String path) {
        return "http://localhost:" + receiver.port() + path;
    }
}
