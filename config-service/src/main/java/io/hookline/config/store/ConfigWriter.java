package io.hookline.config.store;

import io.hookline.config.error.ProblemException;
import io.hookline.service.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way config-service changes its compacted topics: a compare-and-set over Kafka. Within an instance, writes
 * run one at a time on one thread. Across instances, every config-service of an installation shares one
 * {@code transactional.id}: a producer that initializes fences the previous one, so a transaction whose commit
 * succeeds knows that no other instance committed anything between its read and its commit. A fenced writer
 * re-initializes and runs its operation again on the state it now reads, which may turn into a 409.
 */
@Singleton
public final class ConfigWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWriter.class);
    private static final int MAX_ATTEMPTS = 5;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "config-writer");
        writer.setDaemon(true);
        return writer;
    });
    private final TransactionalProducer producer;
    private final Duration timeout;

    public ConfigWriter(KafkaSettings kafka, StoreSettings settings) {
        this.timeout = settings.writeTimeout();
        this.producer = new TransactionalProducer(kafka, settings.writeTimeout());
    }

    /**
     * Runs {@code operation} (which reads the current state and decides what to write, or throws a
     * {@link ProblemException}) and writes its records in one transaction; returns once this instance applied them.
     */
    public <R> R write(Supplier<WritePlan<R>> operation) {
        Future<R> result = thread.submit(() -> writeOnThisThread(operation));
        try {
            return result.get(timeout.multipliedBy(MAX_ATTEMPTS).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while writing", e);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw ProblemException.unavailable("Kafka did not accept the change in time; try again", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Write failed", e.getCause());
        }
    }

    private <R> R writeOnThisThread(Supplier<WritePlan<R>> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                WritePlan<R> plan = producer.runTransaction(operation);
                awaitApplied(plan);
                return plan.result();
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                // Another instance wrote since this producer started: read again and decide again.
                producer.reset();
                if (attempt == MAX_ATTEMPTS) {
                    throw ProblemException.unavailable("Too many concurrent changes; try again", e);
                }
                LOG.debug("config writer fenced by another instance (attempt {})", attempt);
            } catch (KafkaException e) {
                producer.reset();
                throw ProblemException.unavailable("Kafka refused the change; try again", e);
            }
        }
    }

    private void awaitApplied(WritePlan<?> plan) {
        List<RecordMetadata> written = new ArrayList<>(producer.lastWritten());
        for (int i = 0; i < written.size(); i++) {
            RecordMetadata metadata = written.get(i);
            if (!plan.writes().get(i).view().awaitApplied(metadata.partition(), metadata.offset(), timeout)) {
                throw ProblemException.unavailable(
                        "The change was saved but this instance has not applied it yet; read it again shortly", null);
            }
        }
    }

    @PreDestroy
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("config writer did not finish its last write in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.reset();
    }
}
