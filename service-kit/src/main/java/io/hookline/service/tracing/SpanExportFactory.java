package io.hookline.service.tracing;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** One {@link SpanExport} per service, named {@code hookline-<service>} unless {@code OTEL_SERVICE_NAME} says else. */
@Factory
public class SpanExportFactory {

    @Singleton
    @Bean(preDestroy = "close")
    SpanExport spanExport(@Value("${micronaut.application.name:hookline}") String application) {
        return SpanExport.fromEnvironment("hookline-" + application.replace("-service", ""));
    }

    @Singleton
    EventSpans eventSpans(SpanExport export) {
        return new EventSpans(export);
    }
}
