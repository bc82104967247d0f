package io.hookline.config.events;

import io.hookline.contracts.size.SizeLimits;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Lets a request body be as large as an event may be, whatever {@code micronaut.server.max-request-size} says below
 * that: an event at the limit, sent compact, fits. Larger bodies get 413.
 */
@Singleton
final class RequestSizeLimit implements BeanCreatedEventListener<HttpServerConfiguration> {

    private final SizeLimits limits;

    RequestSizeLimit(SizeLimits limits) {
        this.limits = limits;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration configuration = event.getBean();
        long wanted = limits.eventMaxBytes();
        if (configuration.getMaxRequestSize() < wanted) {
            configuration.setMaxRequestSize(wanted);
        }
        if (configuration.getMaxRequestBufferSize() < wanted) {
            configuration.setMaxRequestBufferSize(wanted);
        }
        return configuration;
    }
}
