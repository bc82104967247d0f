package io.hookline.dispatcher;

import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.testkit.ManagementSurface;
import io.hookline.testkit.SharedKafka;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ManagementSurfaceTest {

    private static final DispatcherKit KIT = new DispatcherKit();
    private static EmbeddedServer dispatcher;

    @BeforeAll
    static void start() {
        dispatcher = ApplicationContext.run(EmbeddedServer.class, KIT.properties(Map.of()));
    }

    @AfterAll
    static void stop() {
        dispatcher.getApplicationContext().close();
        KIT.close();
    }

    @TestFactory
    Stream<DynamicTest> shouldOpenOnlyHealthAndPrometheusToStrangers() {
        return ManagementSurface.probes(dispatcher.getURI().toString(), SharedKafka.bootstrapServers());
    }
}
