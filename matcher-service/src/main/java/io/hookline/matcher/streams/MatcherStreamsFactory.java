package io.hookline.matcher.streams;

import io.hookline.contracts.size.SizeLimits;
import io.hookline.matcher.freshness.CombinedProgress;
import io.hookline.matcher.freshness.FreshnessGate;
import io.hookline.matcher.freshness.FreshnessSettings;
import io.hookline.matcher.freshness.PollTimes;
import io.hookline.matcher.index.WebhookConfigView;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.matcher.index.WebhookIndexUpdater;
import io.hookline.matcher.subscription.SubscriptionTable;
import io.hookline.matcher.subscription.SubscriptionView;
import io.hookline.matcher.topology.MatcherMetrics;
import io.hookline.matcher.topology.MatcherTopics;
import io.hookline.matcher.topology.MatcherTopology;
import io.hookline.matcher.topology.RenderRetry;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateLimits;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.service.ManagedStreams;
import io.hookline.service.StreamsReplication;
import io.hookline.service.TopicBootstrap;
import io.hookline.service.tracing.EventSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Builds, starts (at startup) and closes (at shutdown) the matcher: its webhook and subscription views, the freshness
 * gate over both and the Kafka Streams instance, in that order. An event is matched once both views are fresh enough
 * for it.
 */
@Factory
public class MatcherStreamsFactory {

    private static final Duration VIEW_LOAD_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration OFFSETS_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int LINGER_MS = 2;
    private static final int BATCH_BYTES = 64 * 1024;

    @Singleton
    WebhookIndex webhookIndex() {
        return new WebhookIndex();
    }

    @Singleton
    SubscriptionTable subscriptionTable() {
        return new SubscriptionTable();
    }

    @Context
    @Bean(preDestroy = "close")
    SubscriptionView subscriptionView(KafkaSettings kafka, KafkaConnection connection, SubscriptionTable table,
                                      TopicBootstrap topicsCreatedFirst) {
        SubscriptionView view = new SubscriptionView(connection,
                MatcherTopics.withPrefix(kafka.topicPrefix()).subscriptions(), table, OFFSETS_REQUEST_TIMEOUT);
        view.start(VIEW_LOAD_TIMEOUT);
        return view;
    }

    @Singleton
    TemplateEngine templateEngine(MatcherSettings settings, SizeLimits limits) {
        return new TemplateEngine(new TemplateLimits(limits.renderMaxChars(),
                Duration.ofMillis(settings.templateTimeoutMs()), TemplateLimits.DEFAULT.maxRange(),
                TemplateLimits.DEFAULT.maxCollectionSize()));
    }

    /** Takes the {@link TopicBootstrap} so that webhook-config exists before the view reads it. */
    @Context
    @Bean(preDestroy = "close")
    WebhookConfigView webhookConfigView(KafkaSettings kafka, KafkaConnection connection, WebhookIndex index,
                                        TemplateEngine templates, TopicBootstrap topicsCreatedFirst) {
        WebhookConfigView view = new WebhookConfigView(connection,
                MatcherTopics.withPrefix(kafka.topicPrefix()).webhookConfig(),
                new WebhookIndexUpdater(index, new WebhookCompiler(templates)), OFFSETS_REQUEST_TIMEOUT);
        view.start(VIEW_LOAD_TIMEOUT);
        return view;
    }

    @Singleton
    @Bean(preDestroy = "close")
    CombinedProgress viewsProgress(WebhookConfigView webhooks, SubscriptionView subscriptions) {
        return new CombinedProgress(webhooks, subscriptions);
    }

    @Context
    @Bean(preDestroy = "close")
    FreshnessGate freshnessGate(CombinedProgress views, FreshnessSettings settings, MeterRegistry registry) {
        return new FreshnessGate(views, settings, registry);
    }

    @Context
    @Bean(preDestroy = "close")
    ManagedStreams matcherStreams(KafkaSettings kafka, KafkaConnection connection, MatcherSettings settings,
                                  SizeLimits limits,
                                  MeterRegistry registry, WebhookIndex index, TemplateEngine templates,
                                  SubscriptionTable subscriptions, FreshnessGate freshness,
                                  TopicBootstrap topicsCreatedFirst, EventSpans spans) {
        StreamsBuilder builder = new StreamsBuilder();
        RenderRetry retry = new RenderRetry(settings.templateAttempts(),
                Duration.ofMillis(settings.templateRetryBackoffMs()), RenderRetry.SLEEP);
        MatcherTopology.build(builder, MatcherTopics.withPrefix(kafka.topicPrefix()), templates, index, subscriptions,
                freshness, retry, new MatcherMetrics(registry, index), limits, spans);
        Topology topology = builder.build();
        ManagedStreams streams = new ManagedStreams("matcher-streams", topology,
                connection.streamsConfig(properties(kafka, settings, limits)), registry);
        streams.start();
        return streams;
    }

    static Properties properties(KafkaSettings kafka, MatcherSettings settings, SizeLimits limits) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.topicPrefix() + settings.applicationId());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.effectiveStateDir());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        StreamsReplication.apply(properties, kafka);
        properties.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
                PollTimes.class.getName());
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Every record the matcher writes is within this (jobs are checked before they are written), and so is every
        // topic's max.message.bytes.
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), limits.recordMaxBytes());
        // Every job waits in the producer for linger.ms before the dispatcher can see it: Streams' own default (100 ms)
        // was most of the event-to-request latency. Under load, batches still fill while earlier requests are out.
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), LINGER_MS);
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), BATCH_BYTES);
        return properties;
    }
}
