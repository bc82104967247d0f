package io.hookline.contracts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.JobSize;
import io.hookline.contracts.size.OversizedJob;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.contracts.webhook.Ordering;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A job's endpoint identity: its own URL, unless a request template rendered it, when it is the webhook's configured
 * URL. Jobs written before the field existed read as keyed by their URL.
 */
class DeliveryJobEndpointTest {

    private static final Instant CREATED = Instant.parse("2026-11-28T10:15:30Z");
    private static final String RENDERED = "https://tickets.example/incidents/INC-1";
    private static final String CONFIGURED = "https://tickets.example/";

    private static DeliveryJob job(String url, String endpointUrl) {
        return new DeliveryJob("d-1", "wh-1", 1, "acme", url, "PUT", Map.of(), "{}", "e-1", "incident.resolved",
                "INC-1", "incident.resolved", "{}", "0:7", Ordering.SUBJECT, 1, 5, 10_000, CREATED, null, null, null,
                null, TraceContext.NONE, endpointUrl);
    }

    @Test
    void shouldKeyATemplatedJobByItsEndpointAndKeepItThroughJsonAndRetries() {
        DeliveryJob job = job(RENDERED, CONFIGURED);

        DeliveryJob read = Json.fromBytes(Json.toBytes(job), DeliveryJob.class);
        DeliveryJob retry = Json.fromBytes(Json.toBytes(read.nextAttempt(CREATED, "HTTP 503")), DeliveryJob.class);

        assertThat(Json.MAPPER.valueToTree(job).get("endpoint_url").asText()).isEqualTo(CONFIGURED);
        assertThat(read).isEqualTo(job);
        assertThat(retry.url()).isEqualTo(RENDERED);
        assertThat(retry.endpointKey()).isEqualTo(EndpointKey.of("wh-1", CONFIGURED));
    }

    @Test
    void shouldWriteAnOrdinaryJobAsBeforeAndKeyItByItsUrl() {
        DeliveryJob ordinary = job(RENDERED, null);
        DeliveryJob same = job(RENDERED, RENDERED);

        assertThat(Json.MAPPER.valueToTree(ordinary).has("endpoint_url")).isFalse();
        assertThat(same).isEqualTo(ordinary);
        assertThat(ordinary.endpointUrl()).isEqualTo(RENDERED);
        assertThat(ordinary.endpointKey()).isEqualTo(EndpointKey.of("wh-1", RENDERED));
    }

    @Test
    void shouldReadAJobWrittenBeforeEndpointsExistedAsKeyedByItsUrl() {
        String old = """
                {"delivery_id":"d-old","webhook_id":"wh-1","webhook_version":3,"tenant":"acme",
                 "url":"https://example.com/hook","method":"POST","headers":{},"body":"{}","ordering":"subject",
                 "attempt":2,"max_retries":5,"timeout_ms":10000,"created_at":"2026-11-28T10:15:30Z"}""";

        DeliveryJob read = Json.fromBytes(old.getBytes(StandardCharsets.UTF_8), DeliveryJob.class);

        assertThat(read.endpointUrl()).isEqualTo("https://example.com/hook");
        assertThat(read.endpointKey()).isEqualTo(EndpointKey.of("wh-1", "https://example.com/hook"));
        assertThat(read.attempt()).isEqualTo(2);
    }

    @Test
    void shouldWriteAndMeasureAJobWithoutUrl() {
        DeliveryJob broken = job(null, null);

        assertThat(Json.fromBytes(Json.toBytes(broken), DeliveryJob.class)).isEqualTo(broken);
        assertThat(JobSize.of(broken)).isPositive();
        assertThat(broken.endpointKey()).isEqualTo(EndpointKey.of("wh-1", null));
    }

    @Test
    void shouldCountTheEndpointInTheJobsSizeAndKeepItInADeadLetter() {
        DeliveryJob templated = job(RENDERED, CONFIGURED);

        assertThat(JobSize.of(templated)).isGreaterThan(JobSize.of(job(RENDERED, null)));
        DeliveryJob dead = Json.fromBytes(Json.toBytes(OversizedJob.deadLetter(templated, "too big")),
                DeliveryJob.class);
        assertThat(dead.endpointKey()).isEqualTo(templated.endpointKey());
    }
}
