package io.hookline.matcher.topology;

import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryJob;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook's {@code forwarding} (CONTRACT.md section 5): {@code always} sends every match, {@code only_on_forwarding}
 * nothing from the topic, {@code after_forwarding} the events of the subjects it follows until one whose type is in
 * {@code unsubscribe_on}, which is sent and then ends the subscription with a tombstone.
 */
class ForwardingTest {

    private final MatcherDriver matcher = new MatcherDriver();

    @AfterEach
    void close() {
        matcher.close();
    }

    private static String event(String id, String type, String subject) {
        return """
                {"specversion":"1.0","id":"%s","source":"/incidents","type":"%s","subject":"%s","tenant":"acme",
                 "data":{"incident":{"id":"%s"}}}""".formatted(id, type, subject, subject);
    }

    private static String withoutSubject(String id, String type) {
        return """
                {"specversion":"1.0","id":"%s","source":"/incidents","type":"%s","tenant":"acme","data":{}}"""
                .formatted(id, type);
    }

    private List<String> eventIdsFor(String webhookId) {
        return matcher.jobs().stream().filter(job -> job.webhookId().equals(webhookId)).map(DeliveryJob::eventId)
                .toList();
    }

    @Test
    void shouldSendEveryMatchToAnAlwaysWebhook() {
        matcher.configure(webhook("WHALWAYS").forwarding("always").eventTypes("incident.*"));

        matcher.send(event("e1", "incident.triggered", "INC-1"));
        matcher.send(withoutSubject("e2", "incident.triggered"));

        assertThat(eventIdsFor("WHALWAYS")).containsExactly("e1", "e2");
        assertThat(matcher.applyUnsubscribes()).isEmpty();
    }

    @Test
    void shouldSendNothingFromTheTopicToAnOnlyOnForwardingWebhookEvenWhenSubscribed() {
        matcher.configure(webhook("WHONLY").forwarding("only_on_forwarding").eventTypes("*"),
                webhook("WHALL").eventTypes("*"));
        matcher.subscribe("WHONLY", "INC-1");

        matcher.send(event("e1", "incident.triggered", "INC-1"));

        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId).containsExactly("WHALL");
    }

    @Test
    void shouldFollowASubjectFromItsSubscriptionUntilAnUnsubscribeEventWhichIsStillSent() {
        matcher.configure(webhook("WHAFTER").forwarding("after_forwarding").eventTypes("incident.*")
                .unsubscribeOn("incident.resolved"));

        matcher.send(event("e1", "incident.triggered", "INC-1"));
        assertThat(eventIdsFor("WHAFTER")).as("not subscribed yet").isEmpty();

        matcher.subscribe("WHAFTER", "INC-1");
        matcher.send(event("e2", "incident.acknowledged", "INC-1"));
        matcher.send(event("e3", "incident.triggered", "INC-2"));
        matcher.send(withoutSubject("e4", "incident.triggered"));
        assertThat(eventIdsFor("WHAFTER")).as("only the followed subject").containsExactly("e2");
        assertThat(matcher.applyUnsubscribes()).isEmpty();

        matcher.send(event("e5", "incident.resolved", "INC-1"));
        assertThat(eventIdsFor("WHAFTER")).as("the unsubscribing event itself").containsExactly("e5");
        matcher.send(event("e6", "incident.triggered", "INC-1"));
        assertThat(eventIdsFor("WHAFTER")).as("before the tombstone is read back").isEmpty();
        assertThat(matcher.applyUnsubscribes()).containsExactly("WHAFTER/INC-1");

        matcher.send(event("e7", "incident.triggered", "INC-1"));
        assertThat(eventIdsFor("WHAFTER")).as("after the subscription ended").isEmpty();
    }

    @Test
    void shouldFollowAgainAfterANewTriggerEvenBeforeTheTombstoneIsReadBack() {
        matcher.configure(webhook("WHAFTER").forwarding("after_forwarding").eventTypes("incident.*")
                .unsubscribeOn("incident.resolved"));
        matcher.subscribe("WHAFTER", "INC-1", "t1");
        matcher.send(event("e1", "incident.resolved", "INC-1"));
        assertThat(eventIdsFor("WHAFTER")).containsExactly("e1");

        matcher.subscribe("WHAFTER", "INC-1", "t2");
        matcher.send(event("e2", "incident.triggered", "INC-1"));

        assertThat(eventIdsFor("WHAFTER")).containsExactly("e2");
    }

    @Test
    void shouldEndASubscriptionOnAnUnsubscribeEventTheWebhookDoesNotSelect() {
        matcher.configure(webhook("WHAFTER").forwarding("after_forwarding").eventTypes("incident.triggered")
                .unsubscribeOn("incident.resolved"));
        matcher.subscribe("WHAFTER", "INC-1");

        matcher.send(event("e1", "incident.resolved", "INC-1"));

        assertThat(matcher.jobs()).isEmpty();
        assertThat(matcher.applyUnsubscribes()).containsExactly("WHAFTER/INC-1");
        matcher.send(event("e2", "incident.triggered", "INC-1"));
        assertThat(matcher.jobs()).isEmpty();
    }

    @Test
    void shouldStopFollowingOnceTheSubscriptionIsDeleted() {
        matcher.configure(webhook("WHAFTER").forwarding("after_forwarding").eventTypes("*"));
        matcher.subscribe("WHAFTER", "INC-1");
        matcher.send(event("e1", "incident.triggered", "INC-1"));
        assertThat(eventIdsFor("WHAFTER")).containsExactly("e1");

        // DELETE /api/v1/webhooks/{id}/subscriptions/{subject} writes this tombstone.
        matcher.subscriptions.apply("WHAFTER/INC-1", null);
        matcher.send(event("e2", "incident.triggered", "INC-1"));

        assertThat(eventIdsFor("WHAFTER")).isEmpty();
    }

    @Test
    void shouldApplyTheFiltersToTheEventsOfAFollowedSubject() {
        matcher.configure(webhook("WHAFTER").forwarding("after_forwarding").eventTypes("incident.triggered"));
        matcher.subscribe("WHAFTER", "INC-1");

        matcher.send(event("e1", "incident.acknowledged", "INC-1"));
        matcher.send(event("e2", "incident.triggered", "INC-1"));

        assertThat(eventIdsFor("WHAFTER")).containsExactly("e2");
    }

    @Test
    void shouldNotLetAnotherTenantsEventEndASubscription() {
        matcher.configure(webhook("WHAFTER").forwarding("after_forwarding").eventTypes("*")
                .unsubscribeOn("incident.resolved"));
        matcher.subscribe("WHAFTER", "INC-1");

        matcher.send("""
                {"specversion":"1.0","id":"x1","source":"/s","type":"incident.resolved","subject":"INC-1",
                 "tenant":"other","data":{}}""");

        assertThat(matcher.applyUnsubscribes()).isEmpty();
        matcher.send(event("e2", "incident.triggered", "INC-1"));
        assertThat(eventIdsFor("WHAFTER")).containsExactly("e2");
    }

    @Test
    void shouldEndTheSubscriptionsOfADeletedWebhookWithTheNextEventOfTheirSubject() {
        matcher.configure(webhook("WHAFTER").forwarding("after_forwarding").eventTypes("*"));
        matcher.subscribe("WHAFTER", "INC-1");
        matcher.delete("WHAFTER");

        matcher.send(event("e1", "incident.triggered", "INC-1"));

        assertThat(matcher.jobs()).isEmpty();
        assertThat(matcher.applyUnsubscribes()).containsExactly("WHAFTER/INC-1");
    }
}
