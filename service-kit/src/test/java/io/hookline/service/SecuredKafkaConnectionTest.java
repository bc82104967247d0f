package io.hookline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.topic.Topics;
import io.hookline.testkit.SecuredListeners;
import io.hookline.testkit.SharedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service start against the broker's SASL/SCRAM and TLS listeners, with {@code hookline.kafka.properties}: it
 * connects and creates its topics when the properties are right, and stops at once with a message that says what to
 * check when they are not.
 */
class SecuredKafkaConnectionTest {

    private static final String USER = "hookline-test";
    private static final String PASSWORD = "s3cret-" + System.nanoTime();
    private static SecuredListeners secured;

    @BeforeAll
    static void createUser() {
        secured = SharedKafka.secured();
        secured.createScramUser(USER, PASSWORD);
    }

    @Test
    void shouldConnectWithScramAndCreateTheTopics() throws Exception {
        String prefix = SharedKafka.uniqueName("scram") + ".";

        bootstrap(prefix, secured.saslBootstrapServers(), SecuredListeners.scramClient(USER, PASSWORD),
                Duration.ofSeconds(30));

        assertThat(topicsOnPlaintextListener()).contains(Topics.WEBHOOK_CONFIG.withPrefix(prefix).name());
    }

    @Test
    void shouldStopAtOnceWithAClearMessageWhenTheCredentialsAreWrong() {
        var wrong = SecuredListeners.scramClient(USER, "not-the-password");

        assertThatThrownBy(() -> bootstrap("wrong.", secured.saslBootstrapServers(), wrong, Duration.ofSeconds(30)))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessageContaining("refused this service's credentials")
                .hasMessageContaining("sasl.jaas.config")
                .hasMessageContaining("security.protocol=SASL_PLAINTEXT")
                .message().doesNotContain("not-the-password");
    }

    @Test
    void shouldConnectOverTlsTrustingTheClustersCa() throws Exception {
        String prefix = SharedKafka.uniqueName("tls") + ".";
        Path ca = Files.createTempFile("cluster-ca", ".crt");
        Files.writeString(ca, secured.certificate().certificate());

        bootstrap(prefix, secured.tlsBootstrapServers(), Map.of("security.protocol", "SSL",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", ca.toString()), Duration.ofSeconds(30));

        assertThat(topicsOnPlaintextListener()).contains(Topics.WEBHOOK_CONFIG.withPrefix(prefix).name());
    }

    @Test
    void shouldStopWithAClearMessageWhenTheClustersCaIsNotTrusted() {
        assertThatThrownBy(() -> bootstrap("untrusted.", secured.tlsBootstrapServers(),
                Map.of("security.protocol", "SSL"), Duration.ofSeconds(30)))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessageContaining("TLS handshake")
                .hasMessageContaining("ssl.truststore");
    }

    @Test
    void shouldGiveUpAfterTheConnectTimeoutWhenTheProtocolDoesNotMatchTheListener() {
        assertThatThrownBy(() -> bootstrap("mismatch.", secured.tlsBootstrapServers(), Map.of(),
                Duration.ofSeconds(3)))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessageContaining("answered within PT3S")
                .hasMessageContaining("security.protocol=PLAINTEXT");
    }

    private static void bootstrap(String prefix, String bootstrapServers, Map<String, String> properties,
                                  Duration connectTimeout) {
        KafkaSettings settings = new KafkaSettings(bootstrapServers, prefix, true, 1, (short) 1, 1, connectTimeout);
        new TopicBootstrap(settings, new KafkaConnection(bootstrapServers, new HashMap<>(properties)),
                SizeLimits.DEFAULT).connectAndCreateMissingTopics();
    }

    private static java.util.Set<String> topicsOnPlaintextListener() throws Exception {
        try (Admin admin = SharedKafka.admin()) {
            return admin.listTopics().names().get();
        }
    }
}
