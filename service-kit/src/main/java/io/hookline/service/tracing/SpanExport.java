package io.hookline.service.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import java.util.function.Function;

/**
 * The OpenTelemetry export of Hookline's own spans, off unless configured the standard way: it is on when
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, or their system-property forms
 * {@code otel.exporter.otlp.endpoint}) is set, and then every other {@code OTEL_*} setting of the SDK's autoconfigure
 * module applies ({@code OTEL_SERVICE_NAME}, {@code OTEL_EXPORTER_OTLP_HEADERS}, sampling ...). Only traces are
 * exported; metrics stay on {@code /prometheus}.
 */
public final class SpanExport implements AutoCloseable {

    private static final String INSTRUMENTATION = "io.hookline";

    private final OpenTelemetrySdk sdk;
    private final Tracer tracer;

    private SpanExport(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
        this.tracer = (sdk == null ? OpenTelemetry.noop() : sdk).getTracer(INSTRUMENTATION);
    }

    /** No export: every span is a no-op. */
    public static SpanExport off() {
        return new SpanExport(null);
    }

    /** From the environment and system properties; {@code serviceName} unless {@code OTEL_SERVICE_NAME} says else. */
    public static SpanExport fromEnvironment(String serviceName) {
        return configured(serviceName, name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        });
    }

    static SpanExport configured(String serviceName, Function<String, String> settings) {
        if (isBlank(settings.apply("otel.exporter.otlp.endpoint"))
                && isBlank(settings.apply("otel.exporter.otlp.traces.endpoint"))) {
            return new SpanExport(null);
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                // Defaults only: the environment and system properties win over these.
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name", serviceName,
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        return new SpanExport(sdk);
    }

    public boolean isOn() {
        return sdk != null;
    }

    public Tracer tracer() {
        return tracer;
    }

    /** Sends the spans still buffered and stops; called when the service stops. */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
