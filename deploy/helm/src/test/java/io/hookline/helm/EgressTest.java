package io.hookline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proxy and egress addresses reach the dispatcher, and config-service, which answers the addresses. */
class EgressTest {

    private static final List<String> READERS = List.of("hookline-config-service", "hookline-dispatcher-service");

    @Test
    void shouldGiveTheProxyAndAddressesToConfigAndDispatcher() {
        Rendered rendered = Chart.defaults(Map.of("egress.proxy", "http://proxy.internal:3128",
                "egress.ips[0]", "203.0.113.7", "egress.ips[1]", "2001:db8::7"));

        for (String service : READERS) {
            Workload workload = Workload.named(rendered, service);
            assertThat(workload.envValue("HOOKLINE_DISPATCHER_PROXY")).isEqualTo("http://proxy.internal:3128");
            assertThat(workload.envValue("HOOKLINE_DISPATCHER_EGRESS_IPS")).isEqualTo("203.0.113.7,2001:db8::7");
        }
        assertThat(Workload.named(rendered, "hookline-matcher-service").env("HOOKLINE_DISPATCHER_PROXY")).isEmpty();
    }

    @Test
    void shouldTakeAProxyUrlWithCredentialsFromASecret() {
        Rendered rendered = Chart.defaults(Map.of("egress.proxy", "http://ignored:3128",
                "egress.proxySecret.name", "egress-proxy", "egress.proxySecret.key", "url"));

        for (String service : READERS) {
            var reference = Workload.named(rendered, service).env("HOOKLINE_DISPATCHER_PROXY").orElseThrow()
                    .getValueFrom().getSecretKeyRef();
            assertThat(reference.getName()).isEqualTo("egress-proxy");
            assertThat(reference.getKey()).isEqualTo("url");
        }
    }

    @Test
    void shouldSetNothingByDefault() {
        for (Workload workload : Workload.all(Chart.defaults())) {
            assertThat(workload.env("HOOKLINE_DISPATCHER_PROXY")).as(workload.name()).isEmpty();
            assertThat(workload.env("HOOKLINE_DISPATCHER_EGRESS_IPS")).as(workload.name()).isEmpty();
        }
    }
}
