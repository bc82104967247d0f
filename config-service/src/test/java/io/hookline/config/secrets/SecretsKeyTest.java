package io.hookline.config.secrets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.testkit.SharedKafka;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsKeyTest {

    @Test
    void shouldRefuseToStartWithoutASecretsKey() {
        Map<String, Object> properties = Map.of("micronaut.server.port", -1,
                "hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "hookline.kafka.topic-prefix", SharedKafka.uniqueName("nokey") + ".",
                "hookline.secrets.key", "");

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, properties).close())
                .hasStackTraceContaining("hookline.secrets.key is not set")
                .hasStackTraceContaining("HOOKLINE_SECRETS_KEY");
    }

    @Test
    void shouldRefuseToStartWithAKeyOfTheWrongSize() {
        Map<String, Object> properties = Map.of("micronaut.server.port", -1,
                "hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "hookline.kafka.topic-prefix", SharedKafka.uniqueName("badkey") + ".",
                "hookline.secrets.key", "c2hvcnQ=");

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, properties).close())
                .hasStackTraceContaining("must be 32 bytes");
    }
}
