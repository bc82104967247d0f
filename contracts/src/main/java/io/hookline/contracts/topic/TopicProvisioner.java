package io.hookline.contracts.topic;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that are missing. Existing ones are left as they are, but for their record size limit: one
 * below what Hookline writes (a topic created by an earlier version) is raised, since a record the broker refuses
 * would stop the stage that writes it.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    private final Admin admin;
    private final short replicationFactor;
    private final Integer minInsyncReplicas;

    public TopicProvisioner(Admin admin, short replicationFactor) {
        this(admin, replicationFactor, null);
    }

    /** With {@code minInsyncReplicas} null, created topics take the broker's default. */
    public TopicProvisioner(Admin admin, short replicationFactor, Integer minInsyncReplicas) {
        if (minInsyncReplicas != null && (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor)) {
            throw new IllegalArgumentException("min.insync.replicas of created topics (" + minInsyncReplicas
                    + ") must be between 1 and their replication factor (" + replicationFactor + ")");
        }
        this.admin = admin;
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
    }

    public void ensure(Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(configs(spec)))
                    .toList();
            raiseRecordLimits(specs.stream().filter(spec -> existing.contains(spec.name())).toList());
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((name, future) -> awaitCreated(name, future));
            LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list topics", e.getCause());
        }
    }

    private Map<String, String> configs(TopicSpec spec) {
        if (minInsyncReplicas == null) {
            return spec.configs();
        }
        Map<String, String> configs = new HashMap<>(spec.configs());
        configs.put(MIN_INSYNC_REPLICAS, String.valueOf(minInsyncReplicas));
        return configs;
    }

    private void raiseRecordLimits(List<TopicSpec> existing) throws InterruptedException {
        Map<ConfigResource, Long> wanted = new HashMap<>();
        for (TopicSpec spec : existing) {
            String limit = spec.configs().get(TopicCatalog.MAX_MESSAGE_BYTES);
            if (limit != null) {
                wanted.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), Long.parseLong(limit));
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        try {
            Map<ConfigResource, Config> current = admin.describeConfigs(wanted.keySet()).all().get();
            Map<ConfigResource, Collection<AlterConfigOp>> raises = new HashMap<>();
            wanted.forEach((topic, limit) -> {
                ConfigEntry entry = current.get(topic).get(TopicCatalog.MAX_MESSAGE_BYTES);
                if (entry == null || entry.value() == null || Long.parseLong(entry.value()) < limit) {
                    raises.put(topic, List.of(new AlterConfigOp(new ConfigEntry(TopicCatalog.MAX_MESSAGE_BYTES,
                            String.valueOf(limit)), AlterConfigOp.OpType.SET)));
                }
            });
            if (!raises.isEmpty()) {
                admin.incrementalAlterConfigs(raises).all().get();
                LOG.info("Raised {} to {} on {}", TopicCatalog.MAX_MESSAGE_BYTES, wanted.values().iterator().next(),
                        raises.keySet().stream().map(ConfigResource::name).toList());
            }
        } catch (ExecutionException e) {
            // Without the right to alter topics it stays the operator's job (README, Configuration).
            LOG.warn("Cannot check or raise {} of existing topics; records larger than a topic's limit will be "
                    + "refused by the broker", TopicCatalog.MAX_MESSAGE_BYTES, e.getCause());
        }
    }

    private static void awaitCreated(String name, org.apache.kafka.common.KafkaFuture<Void> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }
}
