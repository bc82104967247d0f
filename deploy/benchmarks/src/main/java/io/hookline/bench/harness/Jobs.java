package io.hookline.bench.harness;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.event.InvalidEventException;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.DeliveryJobs;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.match.RenderedRequest;
import io.hookline.rules.match.RequestRenderException;
import io.hookline.rules.match.RequestRenderer;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.template.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Delivery jobs exactly as the matcher writes them, without the matcher: the webhooks are read back from the
 * {@code webhook-config} topic (as stored, version and all), compiled and rendered with the rules module, and each job
 * is built by {@link DeliveryJobs#first}, the method the matcher uses.
 */
final class Jobs {

    private Jobs() {
    }

    /** The stored configs of the given webhook ids, read from the start of {@code webhook-config}. */
    static Map<String, WebhookConfig> readConfigs(String bootstrapServers, Set<String> ids, Duration timeout) {
        Map<String, WebhookConfig> configs = new HashMap<>();
        var deserializer = Topics.WEBHOOK_CONFIG.valueSerde().deserializer();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WEBHOOK_CONFIG.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("webhook-config was not read within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (ids.contains(record.key())) {
                        if (record.value() == null) {
                            configs.remove(record.key());
                        } else {
                            configs.put(record.key(), deserializer.deserialize(record.topic(), record.value()));
                        }
                    }
                }
            }
        }
        if (configs.size() != ids.size()) {
            throw new IllegalStateException("Only " + configs.size() + " of " + ids.size()
                    + " webhooks found on webhook-config");
        }
        return configs;
    }

    /**
     * Renders the Slack template for a sample event as the matcher would, before any process starts: a template the
     * engine cannot render would otherwise only show as failed attempts. Returns the rendered body.
     */
    static String renderTemplateOnce() {
        TemplateEngine engine = new TemplateEngine();
        WebhookConfig webhook = new WebhookConfig("wh-check", Workload.templateTenant(0), 1, "check", true, null,
                "http://127.0.0.1/check", List.of(), "POST", null, List.of(Workload.LOAD), null, null, null,
                Workload.SLACK_TEMPLATE, false, null, null, null, null, null, null, List.of(), 3, 10_000, null,
                null, null, null, null);
        CompiledWebhook compiled = new WebhookCompiler(engine).compile(webhook);
        if (!compiled.problems().isEmpty()) {
            throw new IllegalStateException("The Slack template does not compile: " + compiled.problems());
        }
        try {
            DomainEvent event = new DomainEventParser().parseStructured(Workload.event("check", Workload
                    .templateTenant(0), Workload.LOAD, 1, 42).getBytes(StandardCharsets.UTF_8));
            String body = new RequestRenderer(engine).render(compiled, PreparedEvent.of(event)).body();
            Workload.json(body); // must be JSON
            if (!body.contains("\"sent_ns\": 42")) {
                throw new IllegalStateException("The Slack template lost the latency stamp: " + body);
            }
            return body;
        } catch (InvalidEventException | RequestRenderException e) {
            throw new IllegalStateException("The Slack template does not render: " + e.getMessage(), e);
        }
    }

    /**
     * The jobs of {@code events} {@code bench.load} events of set A, tenant by tenant in turn: event {@code k} belongs
     * to tenant {@code k % TENANTS} and makes one job per webhook of that tenant.
     *
     * @param byTenant the set's webhook configs of each tenant
     */
    static List<DeliveryJob> loadJobs(String prefix, int events, List<List<WebhookConfig>> byTenant) {
        TemplateEngine engine = new TemplateEngine();
        WebhookCompiler compiler = new WebhookCompiler(engine);
        RequestRenderer renderer = new RequestRenderer(engine);
        List<List<CompiledWebhook>> compiled = byTenant.stream()
                .map(list -> list.stream().map(compiler::compile).toList()).toList();
        DomainEventParser parser = new DomainEventParser();
        Instant now = Instant.now();
        List<DeliveryJob> jobs = new ArrayList<>(events * Workload.PER_TENANT);
        for (int k = 0; k < events; k++) {
            int tenant = k % byTenant.size();
            String json = Workload.event(prefix + k, Workload.tenant(tenant), Workload.LOAD, k, 0);
            PreparedEvent prepared;
            try {
                DomainEvent event = parser.parseStructured(json.getBytes(StandardCharsets.UTF_8));
                prepared = PreparedEvent.of(event);
            } catch (InvalidEventException e) {
                throw new IllegalStateException("The benchmark's own event is invalid: " + e.getMessage(), e);
            }
            for (CompiledWebhook webhook : compiled.get(tenant)) {
                RenderedRequest request;
                try {
                    request = renderer.render(webhook, prepared);
                } catch (RequestRenderException e) {
                    throw new IllegalStateException(e);
                }
                for (String url : request.urls()) {
                    jobs.add(DeliveryJobs.first(webhook.config(), prepared, request, url, "0:" + k, now));
                }
            }
        }
        return jobs;
    }
}
