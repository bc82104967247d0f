package io.hookline.matcher.streams;

import io.hookline.testkit.ManagementSurface;
import io.hookline.testkit.SharedKafka;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ManagementSurfaceTest {

    private static EmbeddedServer matcher;

    @BeforeAll
    static void start() throws IOException {
        matcher = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "hookline.kafka.topic-prefix", SharedKafka.uniqueName("matcher-mgmt") + ".",
                "hookline.kafka.partitions", 2,
                "hookline.matcher.application-id", SharedKafka.uniqueName("matcher-mgmt"),
                "hookline.matcher.state-dir", Files.createTempDirectory("matcher-mgmt").toString()));
    }

    @AfterAll
    static void stop() {
        matcher.getApplicationContext().close();
    }

    @TestFactory
    Stream<DynamicTest> shouldOpenOnlyHealthAndPrometheusToStrangers() {
        return ManagementSurface.probes(matcher.getURI().toString(), SharedKafka.bootstrapServers());
    }
}
