package io.hookline.matcher.topology;

import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.matcher.freshness.StaleConfigException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatcherTopologyTest {

    private final MatcherDriver matcher = new MatcherDriver();

    @AfterEach
    void close() {
        matcher.close();
    }

    @Test
    void shouldEmitOneJobWithTheStandardPayloadForAMatchingEvent() {
        // Given
        matcher.configure(webhook("wh-1").eventTypes("incident.triggered").version(4));

        // When
        matcher.send(TestEvents.INCIDENT);

        // Then
        var records = matcher.jobRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(EndpointKey.of("wh-1", "https://example.com/hook"));
        DeliveryJob job = records.get(0).value();
        assertThat(job.deliveryId()).startsWith("dlv_").hasSize(36);
        assertThat(job.webhookId()).isEqualTo("wh-1");
        assertThat(job.webhookVersion()).isEqualTo(4);
        assertThat(job.tenant()).isEqualTo("acme");
        assertThat(job.url()).isEqualTo("https://example.com/hook");
        assertThat(job.method()).isEqualTo("POST");
        assertThat(job.headers()).isEmpty();
        assertThat(job.eventId()).isEqualTo("evt-7f3a");
        assertThat(job.eventType()).isEqualTo("incident.triggered");
        assertThat(job.eventSubject()).isEqualTo("INC-123");
        assertThat(job.trigger()).isEqualTo("incident.triggered");
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.maxRetries()).isEqualTo(3);
        assertThat(job.timeoutMs()).isEqualTo(10_000);
        assertThat(job.createdAt()).isEqualTo(MatcherDriver.START);
        assertThat(job.position()).isEqualTo("0:0");
        JsonNode body = TestWebhooks.json(job.body());
        assertThat(body.get("specversion").asText()).isEqualTo("1.0");
        assertThat(body.at("/data/incident/title").asText()).isEqualTo("DB down");
        assertThat(TestWebhooks.json(job.eventData())).isEqualTo(body);
    }

    @Test
    void shouldGiveEachJobItsEventsTimeElseWhenTheEventWasWritten() {
        matcher.configure(webhook("wh-1"));

        // Written at START and START + 1 s: the first happened a minute before it was written, the second has no time
        matcher.send(TestEvents.INCIDENT.replace("2026-11-22T10:00:00Z\",", "2026-11-22T09:59:00Z\","));
        matcher.send(TestEvents.INCIDENT.replace("\"time\":\"2026-11-22T10:00:00Z\",", ""));

        assertThat(matcher.jobs()).extracting(DeliveryJob::eventTime).containsExactly(
                Instant.parse("2026-11-22T09:59:00Z"), MatcherDriver.START.plusSeconds(1));
        assertThat(matcher.metrics.matches()).isEqualTo(2.0);
    }

    @Test
    void shouldAskForFreshWebhooksWithTheEventTimestampBeforeMatching() {
        matcher.configure(webhook("wh-1"));

        matcher.send(TestEvents.INCIDENT);
        matcher.send("not json");

        assertThat(matcher.freshnessAsked).containsExactly(MatcherDriver.START.toEpochMilli());
        assertThat(matcher.jobs()).hasSize(1);
    }

    @Test
    void shouldNotMatchAnEventAgainstWebhooksThatAreNotFreshEnough() {
        matcher.configure(webhook("wh-1"));
        matcher.freshness = (timestamp, seenNanos) -> {
            throw new StaleConfigException("Kafka did not answer", null);
        };

        assertThatThrownBy(() -> matcher.send(TestEvents.INCIDENT)).hasRootCauseInstanceOf(StaleConfigException.class);

        assertThat(matcher.jobs.isEmpty()).isTrue();
        assertThat(matcher.log.isEmpty()).isTrue();
        assertThat(matcher.dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldEmitOneJobPerUrl() {
        matcher.configure(webhook("wh-1").url("https://a.example/1").urls("https://b.example/2", "https://a.example/1"));

        matcher.send(TestEvents.INCIDENT);

        var records = matcher.jobRecords();
        assertThat(records).extracting(r -> r.value().url()).containsExactly("https://a.example/1", "https://b.example/2");
        assertThat(records).extracting(r -> r.key())
                .containsExactly(EndpointKey.of("wh-1", "https://a.example/1"), EndpointKey.of("wh-1", "https://b.example/2"));
        assertThat(records.get(0).value().deliveryId()).isNotEqualTo(records.get(1).value().deliveryId());
    }

    @Test
    void shouldDeriveTheSameDeliveryIdWhenAnEventIsProcessedTwice() {
        matcher.configure(webhook("wh-1"), webhook("wh-2"));

        matcher.send(TestEvents.INCIDENT);
        matcher.send(TestEvents.INCIDENT);

        List<DeliveryJob> jobs = matcher.jobs();
        assertThat(jobs).hasSize(4);
        var first = jobs.stream().filter(j -> j.webhookId().equals("wh-1")).map(DeliveryJob::deliveryId).toList();
        var second = jobs.stream().filter(j -> j.webhookId().equals("wh-2")).map(DeliveryJob::deliveryId).toList();
        assertThat(first).hasSize(2).containsOnly(first.get(0));
        assertThat(second).hasSize(2).containsOnly(second.get(0)).doesNotContain(first.get(0));
    }

    @Test
    void shouldRenderTheDataTemplateAndTemplatedHeaders() {
        matcher.configure(webhook("wh-1")
                .data("{\"title\": \"{{ incident.title }}\", \"type\": \"{{ event.type }}\", \"tags\": {{ tags | tojson }}}")
                .headers("{\"X-Service\": \"{{ service.name }}\", \"X-Static\": \"v1\"}"),
                webhook("wh-2").headers("\"{\\\"X-Priority\\\": \\\"{{ incident.priority }}\\\"}\""));

        matcher.send(TestEvents.INCIDENT);

        var jobs = matcher.jobs();
        DeliveryJob templated = jobs.stream().filter(j -> j.webhookId().equals("wh-1")).findFirst().orElseThrow();
        assertThat(TestWebhooks.json(templated.body())).isEqualTo(TestWebhooks.json(
                "{\"title\":\"DB down\",\"type\":\"incident.triggered\",\"tags\":{\"env\":\"prod\"}}"));
        assertThat(templated.headers()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("X-Service", "payments", "X-Static", "v1"));
        DeliveryJob whole = jobs.stream().filter(j -> j.webhookId().equals("wh-2")).findFirst().orElseThrow();
        assertThat(whole.headers()).containsExactlyEntriesOf(java.util.Map.of("X-Priority", "P1"));
    }

    @Test
    void shouldSendTheWholeEventWithForwardAllWhateverTheDataTemplate() {
        matcher.configure(webhook("wh-1").forwardAll(true).data("ignored {{ event.id }}"));

        matcher.send(TestEvents.INCIDENT);

        DeliveryJob job = matcher.jobs().get(0);
        assertThat(TestWebhooks.json(job.body()).get("id").asText()).isEqualTo("evt-7f3a");
        assertThat(TestWebhooks.json(job.body()).at("/data/service/name").asText()).isEqualTo("payments");
    }

    @Test
    void shouldNotSendToADisabledWebhook() {
        matcher.configure(webhook("wh-1").enabled(false), webhook("wh-2"));

        matcher.send(TestEvents.INCIDENT);

        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId).containsExactly("wh-2");
    }

    @Test
    void shouldForgetAWebhookDeletedByATombstone() {
        matcher.configure(webhook("wh-1"), webhook("wh-2"));
        matcher.delete("wh-1");

        matcher.send(TestEvents.INCIDENT);

        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId).containsExactly("wh-2");
        assertThat(matcher.index.size()).isEqualTo(1);
    }

    @Test
    void shouldKeepTenantsApart() {
        matcher.configure(webhook("wh-acme"), webhook("wh-other").tenant("other"));

        matcher.send(TestEvents.INCIDENT);
        matcher.send(TestEvents.event("evt-2", "incident.triggered", "other", "{}"));
        matcher.send(TestEvents.event("evt-3", "incident.triggered", "third", "{}"));

        assertThat(matcher.jobs()).extracting(j -> j.webhookId() + "/" + j.eventId())
                .containsExactly("wh-acme/evt-7f3a", "wh-other/evt-2");
    }

    @Test
    void shouldApplyAConfigUpdateToTheNextEvent() {
        matcher.configure(webhook("wh-1").eventTypes("incident.resolved"));
        matcher.send(TestEvents.INCIDENT);
        assertThat(matcher.jobs()).isEmpty();

        matcher.configure(webhook("wh-1").eventTypes("incident.triggered").version(2).url("https://new.example/"));
        matcher.send(TestEvents.INCIDENT);

        List<DeliveryJob> jobs = matcher.jobs();
        assertThat(jobs).extracting(DeliveryJob::url).containsExactly("https://new.example/");
        assertThat(jobs.get(0).webhookVersion()).isEqualTo(2);
    }

    @Test
    void shouldCarrySubjectAndPositionInPartitionOrderForSubjectOrdering() {
        matcher.configure(webhook("wh-1").ordering(Ordering.SUBJECT));

        for (int i = 0; i < 5; i++) {
            matcher.send(TestEvents.event("evt-" + i, "incident.triggered", "acme", "{}"));
        }

        List<DeliveryJob> jobs = matcher.jobs();
        assertThat(jobs).extracting(DeliveryJob::eventId).containsExactly("evt-0", "evt-1", "evt-2", "evt-3", "evt-4");
        assertThat(jobs).extracting(DeliveryJob::position).containsExactly("0:0", "0:1", "0:2", "0:3", "0:4");
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.ordering()).isEqualTo(Ordering.SUBJECT);
            assertThat(job.eventSubject()).isEqualTo("INC-123");
        });
    }

    @Test
    void shouldUseTheMethodAndTriggerTypeOfTheWebhook() {
        matcher.configure(webhook("wh-1").triggerType("resolve").method("PUT"));

        matcher.send(TestEvents.ofType("alert_group.resolved"));

        DeliveryJob job = matcher.jobs().get(0);
        assertThat(job.method()).isEqualTo("PUT");
        assertThat(job.trigger()).isEqualTo("resolve");
    }
}
