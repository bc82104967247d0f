package io.hookline.log;

import io.hookline.testkit.ManagementSurface;
import io.hookline.testkit.SharedKafka;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ManagementSurfaceTest {

    private static LogServiceInstance log;

    @BeforeAll
    static void start() {
        log = LogServiceInstance.start(SharedKafka.uniqueName("log-mgmt") + ".", Map.of());
    }

    @AfterAll
    static void stop() {
        log.close();
    }

    @TestFactory
    Stream<DynamicTest> shouldOpenOnlyHealthAndPrometheusToStrangers() {
        return ManagementSurface.probes("http://localhost:" + log.port(), SharedKafka.bootstrapServers());
    }
}
