package io.hookline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the extra Kafka client properties come from, and how each environment variable names its property. */
class KafkaClientPropertiesTest {

    @ParameterizedTest
    @CsvSource({
            "SECURITY_PROTOCOL, security.protocol",
            "SASL_JAAS_CONFIG, sasl.jaas.config",
            "SSL_TRUSTSTORE_LOCATION, ssl.truststore.location",
            "SASL_OAUTHBEARER_TOKEN__ENDPOINT__URL, sasl.oauthbearer.token_endpoint_url",
            "CONFIG_PROVIDERS_FILE_CLASS, config.providers.file.class",
            "SOME___HYPHENATED_NAME, some-hyphenated.name"})
    void shouldNameThePropertyOfEachEnvironmentVariable(String variable, String property) {
        assertThat(KafkaClientProperties.propertyName(variable)).isEqualTo(property);
    }

    @Test
    void shouldRefuseAnAmbiguousRunOfUnderscores() {
        assertThatThrownBy(() -> KafkaClientProperties.propertyName("SASL____MECHANISM"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HOOKLINE_KAFKA_PROPERTIES_SASL____MECHANISM")
                .hasMessageContaining("4 underscores");
    }

    @Test
    void shouldTakeConfigurationKeysAndLetEnvironmentVariablesWin() {
        Map<String, Object> configuration = Map.of(
                "hookline.kafka.bootstrap-servers", "broker:9093",
                "hookline.kafka.properties.security.protocol", "SSL",
                "hookline.kafka.properties.ssl.enabled.protocols", List.of("TLSv1.3", "TLSv1.2"),
                "hookline.kafka.properties.sasl.mechanism", "PLAIN");
        // (the environment alone: starting the context would connect to Kafka)
        try (ApplicationContext context = ApplicationContext.builder().properties(configuration).build()) {
            context.getEnvironment().start();
            Map<String, String> properties = KafkaClientProperties.from(context.getEnvironment(), Map.of(
                    "HOOKLINE_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                    "HOOKLINE_KAFKA_BOOTSTRAP_SERVERS", "not-a-property:9092",
                    "PATH", "/usr/bin"));

            assertThat(properties).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "security.protocol", "SSL",
                    "ssl.enabled.protocols", "TLSv1.3,TLSv1.2",
                    "sasl.mechanism", "SCRAM-SHA-512"));
        }
    }

    @Test
    void shouldIgnoreMicronautsOwnReadingOfTheEnvironmentVariables() {
        // Micronaut turns HOOKLINE_KAFKA_PROPERTIES_SECURITY_PROTOCOL into every mix of '.' and '-'
        PropertySource variables = PropertySource.of("env", Map.of(
                "hookline.kafka.properties.security.protocol", "SSL",
                "hookline.kafka.properties.security-protocol", "SSL",
                "hookline.kafka.properties-security.protocol", "SSL"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);

        assertThat(KafkaClientProperties.fromConfiguration(List.of(variables))).isEmpty();
    }

    @Test
    void shouldLetEveryClientsOwnSettingsWinOverTheConnectionProperties() {
        KafkaConnection connection = new KafkaConnection("broker:9093", Map.of(
                "security.protocol", "SASL_SSL", "acks", "1"));

        Map<String, Object> config = connection.clientConfig(Map.of("acks", "all", "client.id", "dispatcher"));

        assertThat(config).containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("acks", "all")
                .containsEntry("client.id", "dispatcher");
    }
}
