package io.hookline.matcher.topology;

import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Operational events from {@code webhook-operational-events} are matched like domain events in their tenant
 * (CONTRACT.md section 3): selected by {@code hookline.*} or their exact type, never by a plain {@code *}, and never delivered to
 * the webhook they are about.
 */
class OperationalEventsTest {

    private final MatcherDriver matcher = new MatcherDriver();

    @AfterEach
    void close() {
        matcher.close();
    }

    /** As the dispatcher writes it: keyed by webhook id, subject and data naming that webhook. */
    private static String disabled(String webhookId, String tenant) {
        return """
                {"specversion":"1.0","id":"op-%s","source":"/hookline/dispatcher","type":"hookline.endpoint.disabled",
                 "time":"2026-11-22T10:00:00Z","subject":"%s","tenant":"%s","datacontenttype":"application/json",
                 "data":{"webhook_id":"%s","url":"https://failing.example/hook","error":"410 Gone"}}"""
                .formatted(webhookId, webhookId, tenant, webhookId);
    }

    @Test
    void shouldDeliverAnOperationalEventToTheTenantsWebhooksThatSelectIt() {
        matcher.configure(webhook("WHSLACK").eventTypes("hookline.*"),
                webhook("WHEXACT").eventTypes("hookline.endpoint.disabled"),
                webhook("WHOTHERTYPE").eventTypes("hookline.attempt.exhausted"),
                webhook("WHOTHERTENANT").tenant("other").eventTypes("hookline.*"),
                webhook("WHFAILING").eventTypes("incident.*"));

        matcher.sendOperational("WHFAILING", disabled("WHFAILING", "acme"));

        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId)
                .containsExactlyInAnyOrder("WHSLACK", "WHEXACT");
    }

    @Test
    void shouldNotDeliverAnOperationalEventToACatchAllWebhook() {
        matcher.configure(webhook("WHALL").eventTypes("*"), webhook("WHSLACK").eventTypes("hookline.*"));

        matcher.sendOperational("WHX", disabled("WHX", "acme"));

        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId).containsExactly("WHSLACK");
    }

    @Test
    void shouldNeverDeliverAnOperationalEventToTheWebhookItIsAbout() {
        matcher.configure(webhook("WHSLACK").eventTypes("hookline.*"), webhook("WHOPS").eventTypes("hookline.*"));

        matcher.sendOperational("WHSLACK", disabled("WHSLACK", "acme"));

        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId).containsExactly("WHOPS");
    }

    @Test
    void shouldSendTheOperationalEventAsTheWebhooksPayload() {
        matcher.configure(webhook("WHSLACK").eventTypes("hookline.endpoint.*"));

        matcher.sendOperational("WHX", disabled("WHX", "acme"));

        DeliveryJob job = matcher.jobs().get(0);
        assertThat(job.eventType()).isEqualTo("hookline.endpoint.disabled");
        assertThat(job.eventId()).isEqualTo("op-WHX");
        assertThat(job.tenant()).isEqualTo("acme");
    }

    @Test
    void shouldSendAnInvalidOperationalEventToTheDeadLetterTopic() {
        matcher.configure(webhook("WHSLACK").eventTypes("hookline.*"));

        matcher.sendOperational("WHX", "{\"type\":\"hookline.endpoint.disabled\"}");

        assertThat(matcher.jobs()).isEmpty();
        assertThat(matcher.dlq.readRecordsToList()).hasSize(1);
    }
}
