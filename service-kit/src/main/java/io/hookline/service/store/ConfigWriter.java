package io.hookline.service.store;

import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way Hookline changes its compacted config topics ({@code webhook-config}, {@code api-tokens}): a
 * compare-and-set over Kafka. Within an instance, writes run one at a time on one thread. Across instances and
 * services, every writer of an installation shares one {@code transactional.id}: a producer that initializes fences
 * the previous one, so a transaction whose commit succeeds knows that no other writer committed anything between its
 * read and its commit. A fenced writer re-initializes and runs its operation again on the state it now reads.
 *
 * <p>Failures of Kafka surface as {@link StoreUnavailableException}; whatever the operation itself throws (a conflict,
 * a missing entry) propagates unchanged.
 */
public final class ConfigWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWriter.class);
    private static final int MAX_ATTEMPTS = 5;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("config-writer"));
    /**
     * Deadlines fire and results are handed over here, never on the writer thread: what follows a write may write
     * again, which would wait forever for the very thread it runs on.
     */
    private final ScheduledThreadPoolExecutor callbacks = new ScheduledThreadPoolExecutor(1,
            daemon("config-writer-callbacks"));
    private final TransactionalProducer producer;
    private final Duration timeout;

    /** {@code timeout} bounds each step: Kafka accepting the transaction, and this instance applying it. */
    public ConfigWriter(KafkaSettings kafka, KafkaConnection connection, Duration timeout) {
        this.timeout = timeout;
        this.producer = new TransactionalProducer(kafka, connection, timeout);
        callbacks.setRemoveOnCancelPolicy(true);
        callbacks.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Runs {@code operation} (which reads the current state and decides what to write, or throws) and writes its
     * records in one transaction; returns once this instance applied them.
     */
    public <R> R write(Supplier<WritePlan<R>> operation) {
        try {
            return writeAsync(operation).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while writing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Write failed", e.getCause());
        }
    }

    /**
     * {@link #write} without waiting: the future completes, on a thread of this writer, once this instance applied
     * the records, or fails as {@link #write} would throw.
     */
    public <R> CompletableFuture<R> writeAsync(Supplier<WritePlan<R>> operation) {
        CompletableFuture<R> written = new CompletableFuture<>();
        Future<?> task;
        try {
            task = writer.submit(() -> runOnWriterThread(operation, written));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new StoreUnavailableException("The writer is stopping; try again", e));
        }
        ScheduledFuture<?> deadline = callbacks.schedule(() -> {
            if (written.completeExceptionally(
                    new StoreUnavailableException("Kafka did not accept the change in time; try again", null))) {
                task.cancel(true);
            }
        }, timeout.multipliedBy(MAX_ATTEMPTS).toMillis(), TimeUnit.MILLISECONDS);
        written.whenComplete((result, error) -> deadline.cancel(false));
        return written.thenApplyAsync(Function.identity(), callbacks);
    }

    private <R> void runOnWriterThread(Supplier<WritePlan<R>> operation, CompletableFuture<R> written) {
        try {
            written.complete(writeOnThisThread(operation));
        } catch (RuntimeException | Error e) {
            written.completeExceptionally(e);
        }
    }

    private <R> R writeOnThisThread(Supplier<WritePlan<R>> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                WritePlan<R> plan = producer.runTransaction(operation);
                awaitApplied(plan);
                return plan.result();
            } catch (ProducerFencedException | InvalidProducerEpochException | InvalidTxnStateException e) {
                // Another writer started since this producer did: read again and decide again. With transactions v2,
                // a commit that races the abort caused by that start is refused as INVALID_TXN_STATE rather than
                // PRODUCER_FENCED (KAFKA-20785); it was rolled back all the same.
                producer.reset();
                if (attempt == MAX_ATTEMPTS) {
                    throw new StoreUnavailableException("Too many concurrent changes; try again", e);
                }
                LOG.debug("config writer fenced by another writer (attempt {})", attempt);
            } catch (KafkaException e) {
                producer.reset();
                throw new StoreUnavailableException("Kafka refused the change; try again", e);
            }
        }
    }

    private void awaitApplied(WritePlan<?> plan) {
        List<RecordMetadata> written = new ArrayList<>(producer.lastWritten());
        for (int i = 0; i < written.size(); i++) {
            RecordMetadata metadata = written.get(i);
            if (!plan.writes().get(i).view().awaitApplied(metadata.partition(), metadata.offset(), timeout)) {
                throw new StoreUnavailableException(
                        "The change was saved but this instance has not applied it yet; read it again shortly", null);
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("config writer did not finish its last write in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        callbacks.shutdown();
        producer.reset();
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
