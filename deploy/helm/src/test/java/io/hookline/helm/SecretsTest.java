package io.hookline.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart never renders a made-up secret: it takes real ones from values, or names a Secret that exists. */
class SecretsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i).*(change-?me|changeit|placeholder|replace|example|todo|xxx|secret|password|dummy|<.*>).*");
    private static final String MESSAGE = "set secrets.adminToken and secrets.secretsKey";

    @Test
    void withoutASecretsKeyOrAnExistingSecretRenderingFailsSayingWhatToSet() {
        Map<String, String> withoutKey = new HashMap<>(Chart.REQUIRED);
        withoutKey.remove("secrets.secretsKey");

        assertThatThrownBy(() -> Chart.render(null, withoutKey))
                .hasMessageContaining(MESSAGE)
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageContaining("secrets.existingSecret");
    }

    @Test
    void withoutAnAdminTokenRenderingFailsToo() {
        Map<String, String> withoutToken = new HashMap<>(Chart.REQUIRED);
        withoutToken.remove("secrets.adminToken");

        assertThatThrownBy(() -> Chart.render(null, withoutToken)).hasMessageContaining(MESSAGE);
    }

    @Test
    void theRenderedSecretHoldsExactlyTheValuesGiven() {
        Secret secret = StrictModel.read(Chart.defaults().get("Secret", "hookline-secrets"), Secret.class);

        assertThat(secret.getStringData()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HOOKLINE_ADMIN_TOKEN", Chart.REQUIRED.get("secrets.adminToken"),
                "HOOKLINE_SECRETS_KEY", Chart.REQUIRED.get("secrets.secretsKey")));
        assertThat(Base64.getDecoder().decode(secret.getStringData().get("HOOKLINE_SECRETS_KEY"))).hasSize(32);
    }

    @Test
    void noRenderingHoldsAPlaceholderSecret() {
        Map<String, String> withKeyRing = new LinkedHashMap<>(Chart.REQUIRED);
        withKeyRing.put("secrets.secretsKeys", "0rk8q3oA1t5pJqzGJ6WkQmN2d7sV4xYb9cE1fH3iL5o=");
        List<Rendered> renderings = List.of(Chart.defaults(), Chart.strimziExample(), Chart.render(null, withKeyRing));

        for (Rendered rendered : renderings) {
            for (var object : rendered.ofKind("Secret")) {
                Secret secret = StrictModel.read(object, Secret.class);
                Map<String, String> values = new HashMap<>();
                if (secret.getStringData() != null) {
                    values.putAll(secret.getStringData());
                }
                if (secret.getData() != null) {
                    secret.getData().forEach((key, value) -> values.put(key, new String(Base64.getDecoder().decode(value))));
                }
                assertThat(values).as(Rendered.describe(object)).isNotEmpty()
                        .allSatisfy((key, value) -> assertThat(value).as(key).isNotBlank().doesNotMatch(PLACEHOLDER));
            }
        }
    }

    @Test
    void anExistingSecretIsUsedAndNothingIsRenderedOverIt() {
        Map<String, String> values = new HashMap<>(Map.of("secrets.existingSecret", "ops-made-it",
                "kafka.bootstrapServers", "kafka:9092"));
        Rendered rendered = Chart.render(null, values);

        assertThat(rendered.ofKind("Secret")).isEmpty();
        for (String service : List.of("hookline-config-service", "hookline-dispatcher-service")) {
            assertThat(Workload.named(rendered, service).env("HOOKLINE_SECRETS_KEY").orElseThrow()
                    .getValueFrom().getSecretKeyRef().getName()).isEqualTo("ops-made-it");
        }
    }

    @Test
    void configAndDispatcherReadTheSameKeyAndOnlyTheyHoldIt() {
        Rendered rendered = Chart.defaults();

        for (Workload workload : Workload.all(rendered)) {
            boolean holdsKey = workload.name().endsWith("config-service") || workload.name().endsWith("dispatcher-service");
            assertThat(workload.env("HOOKLINE_SECRETS_KEY")).as(workload.name()).matches(
                    env -> holdsKey == env.isPresent() && (env.isEmpty()
                            || env.get().getValueFrom().getSecretKeyRef().getKey().equals("HOOKLINE_SECRETS_KEY")
                            && env.get().getValueFrom().getSecretKeyRef().getName().equals("hookline-secrets")));
        }
    }
}
