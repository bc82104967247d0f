package io.hookline.dispatcher.endpoint;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that start requests; name resolution never happens on them ({@code dns.BoundedResolver}). */
@Factory
public class SendThreads {

    public static final String NAME = "dispatcher-send";
    private static final int THREADS = 16;

    @Singleton
    @Named(NAME)
    @Bean(preDestroy = "shutdownNow")
    ExecutorService sendExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, NAME + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
