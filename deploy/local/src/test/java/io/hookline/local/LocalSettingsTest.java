package io.hookline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

    private final Path home = Path.of("/opt/hookline");

    @Test
    void shouldUseTheContractPortsByDefault() {
        LocalSettings settings = LocalSettings.fromEnvironment(home, Map.of());

        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.port(Service.CONFIG)).isEqualTo(8081);
        assertThat(settings.port(Service.MATCHER)).isEqualTo(8082);
        assertThat(settings.port(Service.DISPATCHER)).isEqualTo(8083);
        assertThat(settings.port(Service.LOG)).isEqualTo(8084);
        assertThat(settings.dataDir()).isEqualTo(home.resolve("data"));
    }

    @Test
    void shouldTakeDataDirPortsAndTokenFromTheEnvironment() {
        LocalSettings settings = LocalSettings.fromEnvironment(home, Map.of(
                "HOOKLINE_DATA_DIR", "/var/hookline", "HOOKLINE_CONFIG_PORT", "9081", "HOOKLINE_ADMIN_TOKEN", "t"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/hookline"));
        assertThat(settings.port(Service.CONFIG)).isEqualTo(9081);
        assertThat(settings.adminTokenOverride()).isEqualTo("t");
    }

    @Test
    void shouldRejectAPortThatIsNotANumber() {
        assertThatThrownBy(() -> LocalSettings.fromEnvironment(home, Map.of("HOOKLINE_KAFKA_PORT", "ninety")))
                .hasMessageContaining("HOOKLINE_KAFKA_PORT");
    }
}
