package io.hookline.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The chart in deploy/helm/hookline, rendered by Helm's own engine as `helm template` would. */
final class Chart {

    static final String RELEASE = "hookline";
    static final String NAMESPACE = "webhooks";
    /** The smallest values a default install needs: the two secrets (base64 of 32 bytes for the key). */
    static final Map<String, String> REQUIRED = Map.of(
            "secrets.adminToken", "test-admin-token-3f9a1c",
            "secrets.secretsKey", "q83vEjRWeJq8zN7/EiNFZ4mrze8SNFZ4mrze8BI0VWc=",
            "kafka.bootstrapServers", "kafka-0.kafka:9092");

    private static final Once DEFAULTS = new Once(() -> defaults(Map.of()));
    private static final Once STRIMZI_EXAMPLE = new Once(() -> render(exampleValues(), Map.of()));

    /** A rendering made on first use. */
    private static final class Once {
        private final Supplier<Rendered> render;
        private Rendered rendered;

        Once(Supplier<Rendered> render) {
            this.render = render;
        }

        synchronized Rendered get() {
            if (rendered == null) {
                rendered = render.get();
            }
            return rendered;
        }
    }

    private Chart() {
    }

    static Path directory() {
        return Path.of(System.getProperty("hookline.chart", "hookline")).toAbsolutePath().normalize();
    }

    static Path exampleValues() {
        return directory().resolve("examples/strimzi-values.yaml");
    }

    /** Defaults plus {@link #REQUIRED}, and these values on top. */
    static Rendered defaults(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(REQUIRED);
        all.putAll(values);
        return render(null, all);
    }

    /** Rendered once per test JVM: the tests only read it (those that change an object change a copy). */
    static Rendered defaults() {
        return DEFAULTS.get();
    }

    /** The secured-cluster example as shipped: Strimzi, TLS with SCRAM-SHA-512, an existing Secret. */
    static Rendered strimziExample() {
        return STRIMZI_EXAMPLE.get();
    }

    static Rendered render(Path valuesFile, Map<String, String> values) {
        return Rendered.parse(templateText(valuesFile, values));
    }

    /** The rendered YAML; Helm's failures (a template's fail, bad YAML) come out as exceptions with its message. */
    static String templateText(Path valuesFile, Map<String, String> values) {
        TemplateCommand template = new Helm(directory()).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return template.call();
    }
}
