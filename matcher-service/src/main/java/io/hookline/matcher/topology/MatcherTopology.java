package io.hookline.matcher.topology;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.JsonSerde;
import io.hookline.matcher.freshness.Freshness;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.matcher.subscription.SubscriptionTable;
import io.hookline.rules.match.RequestRenderer;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.match.WebhookEvaluator;
import io.hookline.rules.match.WebhookMatcher;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.service.tracing.EventSpans;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The matcher's topology:
 * <pre>
 * webhook-config ──► WebhookConfigView (outside the topology) ──► index (tenant → event type → webhooks)
 * webhook-subscriptions ──► SubscriptionView (outside the topology) ──► subscription table (subject → webhooks)
 * domain-events ──────────────► match-webhooks ───────────┐
 * webhook-operational-events ─► match-operational-events ─┤
 *   ┌─────────────────────────────────────────────────────┘
 *   ├─► webhook-deliveries     (one job per matching endpoint, key: endpoint)
 *   ├─► webhook-delivery-log   (a template failed, key: webhook id)
 *   ├─► domain-events-dlq      (not a valid CloudEvent, or a webhook kept failing for a transient reason:
 *   │                           original key and bytes)
 *   ├─► webhook-deliveries-dlq (a job too large to write, trimmed)
 *   └─► webhook-subscriptions  (a tombstone: an event ended a subscription)
 * </pre>
 * {@code domain-events} is never repartitioned: every instance holds all webhooks and all subscriptions, so an event
 * is matched where it is read, in partition order, once {@link Freshness} says the index (and the subscriptions) are
 * new enough for it. Operational events are matched the same way in the same sub-topology.
 */
public final class MatcherTopology {

    static final String EVENTS_SOURCE = "domain-events-source";
    static final String MATCHER = "match-webhooks";
    static final String OPERATIONAL_SOURCE = "webhook-operational-events-source";
    static final String OPERATIONAL_MATCHER = "match-operational-events";

    private MatcherTopology() {
    }

    /** Adds the matcher to {@code builder}; {@code index} is filled by the webhook view, read by the stream threads. */
    public static void build(StreamsBuilder builder, MatcherTopics topics, TemplateEngine templates, WebhookIndex index,
                             Freshness freshness, RenderRetry retry, MatcherMetrics metrics) {
        build(builder, topics, templates, index, freshness, retry, metrics, SizeLimits.DEFAULT);
    }

    public static void build(StreamsBuilder builder, MatcherTopics topics, TemplateEngine templates, WebhookIndex index,
                             Freshness freshness, RenderRetry retry, MatcherMetrics metrics, SizeLimits limits) {
        build(builder, topics, templates, index, freshness, retry, metrics, limits, EventSpans.off());
    }

    /** Without subscriptions of its own to read: after_forwarding webhooks receive only what {@code /trigger} sends. */
    public static void build(StreamsBuilder builder, MatcherTopics topics, TemplateEngine templates, WebhookIndex index,
                             Freshness freshness, RenderRetry retry, MatcherMetrics metrics, SizeLimits limits,
                             EventSpans spans) {
        build(builder, topics, templates, index, new SubscriptionTable(), freshness, retry, metrics, limits, spans);
    }

    /** {@code subscriptions} is filled by the subscription view, read by the stream threads. */
    public static void build(StreamsBuilder builder, MatcherTopics topics, TemplateEngine templates, WebhookIndex index,
                             SubscriptionTable subscriptions, Freshness freshness, RenderRetry retry,
                             MatcherMetrics metrics, SizeLimits limits, EventSpans spans) {
        WebhookEvaluator evaluator = new WebhookEvaluator(new WebhookMatcher(new WebhookCompiler(templates)),
                new RequestRenderer(templates));
        RenderAttempts attempts = new RenderAttempts(evaluator, templates.limits().renderTimeout(), retry, metrics);

        KStream<byte[], MatcherOutput> domainOutputs = builder
                .stream(topics.domainEvents(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(EVENTS_SOURCE))
                .process(() -> new EventMatchProcessor(index, freshness, attempts, metrics, limits, spans,
                        new ForwardingRules(subscriptions, index), false), Named.as(MATCHER));
        KStream<byte[], MatcherOutput> operationalOutputs = builder
                .stream(topics.operationalEvents(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(OPERATIONAL_SOURCE))
                .process(() -> new EventMatchProcessor(index, freshness, attempts, metrics, limits, spans,
                        new ForwardingRules(subscriptions, index), true), Named.as(OPERATIONAL_MATCHER));
        KStream<byte[], MatcherOutput> outputs = domainOutputs.merge(operationalOutputs, Named.as("all-outputs"));

        Map<String, KStream<byte[], MatcherOutput>> routes = outputs.split(Named.as("route-"))
                .branch((key, value) -> value instanceof MatcherOutput.Job, Branched.as("jobs"))
                .branch((key, value) -> value instanceof MatcherOutput.Failure, Branched.as("failures"))
                .branch((key, value) -> value instanceof MatcherOutput.Oversized, Branched.as("oversized"))
                .branch((key, value) -> value instanceof MatcherOutput.Unsubscribe, Branched.as("unsubscribes"))
                .defaultBranch(Branched.as("rejected"));

        routes.get("route-jobs")
                .mapValues(value -> ((MatcherOutput.Job) value).job(), Named.as("to-delivery-job"))
                .to(topics.deliveries(), Produced.with(Serdes.ByteArray(), new JsonSerde<>(DeliveryJob.class))
                        .withName("webhook-deliveries-sink"));
        routes.get("route-failures")
                .mapValues(value -> ((MatcherOutput.Failure) value).attempt(), Named.as("to-delivery-attempt"))
                .to(topics.deliveryLog(), Produced.with(Serdes.ByteArray(), new JsonSerde<>(DeliveryAttempt.class))
                        .withName("webhook-delivery-log-sink"));
        routes.get("route-rejected")
                .mapValues(value -> ((MatcherOutput.Rejected) value).originalValue(), Named.as("to-original-bytes"))
                .to(topics.domainEventsDlq(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("domain-events-dlq-sink"));
        routes.get("route-oversized")
                .mapValues(value -> ((MatcherOutput.Oversized) value).deadLetter(), Named.as("to-dead-letter"))
                .to(topics.deliveriesDlq(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("webhook-deliveries-dlq-sink"));
        routes.get("route-unsubscribes")
                .mapValues(value -> (byte[]) null, Named.as("to-tombstone"))
                .to(topics.subscriptions(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("webhook-subscriptions-sink"));
    }
}
