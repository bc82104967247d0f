package io.hookline.matcher.topology;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.JsonSerde;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.rules.match.RequestRenderer;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.match.WebhookMatcher;
import io.hookline.rules.template.TemplateEngine;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The matcher's topology:
 * <pre>
 * webhook-config ──► global store "webhook-config-store" ──► in-memory index (tenant → event type → webhooks)
 * domain-events ──► match-webhooks ──┬─► webhook-deliveries    (one job per matching endpoint, key: endpoint)
 *                                    ├─► webhook-delivery-log  (a template failed, key: webhook id)
 *                                    ├─► domain-events-dlq     (not a valid CloudEvent, original key and bytes)
 *                                    └─► webhook-deliveries-dlq (a job too large to write, trimmed)
 * </pre>
 * {@code domain-events} is never repartitioned: every instance holds all webhooks (a global store), so an event is
 * matched where it is read, in partition order.
 */
public final class MatcherTopology {

    public static final String CONFIG_STORE = "webhook-config-store";
    static final String CONFIG_SOURCE = "webhook-config-source";
    static final String CONFIG_UPDATER = "webhook-config-updater";
    static final String EVENTS_SOURCE = "domain-events-source";
    static final String MATCHER = "match-webhooks";

    private MatcherTopology() {
    }

    /** Adds the matcher to {@code builder}; {@code index} is shared by the config updater and the stream threads. */
    public static void build(StreamsBuilder builder, MatcherTopics topics, TemplateEngine templates, WebhookIndex index,
                             MatcherMetrics metrics) {
        build(builder, topics, templates, index, metrics, SizeLimits.DEFAULT);
    }

    public static void build(StreamsBuilder builder, MatcherTopics topics, TemplateEngine templates, WebhookIndex index,
                             MatcherMetrics metrics, SizeLimits limits) {
        WebhookCompiler compiler = new WebhookCompiler(templates);
        WebhookMatcher matcher = new WebhookMatcher(compiler);
        RequestRenderer renderer = new RequestRenderer(templates);

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONFIG_STORE), Serdes.String(),
                        Serdes.ByteArray()).withLoggingDisabled(),
                topics.webhookConfig(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(CONFIG_SOURCE),
                () -> new WebhookConfigUpdater(CONFIG_STORE, index, compiler));

        KStream<byte[], MatcherOutput> outputs = builder
                .stream(topics.domainEvents(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(EVENTS_SOURCE))
                .process(() -> new EventMatchProcessor(index, matcher, renderer, metrics, limits), Named.as(MATCHER));

        Map<String, KStream<byte[], MatcherOutput>> routes = outputs.split(Named.as("route-"))
                .branch((key, value) -> value instanceof MatcherOutput.Job, Branched.as("jobs"))
                .branch((key, value) -> value instanceof MatcherOutput.Failure, Branched.as("failures"))
                .branch((key, value) -> value instanceof MatcherOutput.Oversized, Branched.as("oversized"))
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
    }
}
