package io.hookline.dispatcher.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    /** A fake DNS: names map to fixed answers, literals resolve to themselves. */
    private static final SsrfGuard.Resolver DNS = host -> {
        Map<String, List<String>> zone = Map.of(
                "internal.example.test", List.of("10.0.0.7"),
                "mixed.example.test", List.of("93.184.216.34", "192.168.1.10"),
                "public.example.test", List.of("93.184.216.34"),
                "metadata.example.test", List.of("169.254.169.254"));
        if (zone.containsKey(host)) {
            InetAddress[] answer = new InetAddress[zone.get(host).size()];
            for (int i = 0; i < answer.length; i++) {
                answer[i] = InetAddress.getByName(zone.get(host).get(i));
            }
            return answer;
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    };

    private final SsrfGuard guard = SsrfGuard.fromAllowList(DNS, List.of(), true);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12::1",
            "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254"})
    void shouldRefuseInternalAddresses(String address) {
        assertThatThrownBy(() -> guard.resolve(address)).isInstanceOf(SsrfBlockedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void shouldAllowPublicAddresses(String address) throws UnknownHostException {
        assertThat(guard.resolve(address)).hasSize(1);
    }

    @Test
    void shouldRefuseANameResolvingToAPrivateAddress() {
        assertThatThrownBy(() -> guard.resolve("internal.example.test"))
                .isInstanceOf(SsrfBlockedException.class).hasMessageContaining("10.0.0.7");
        assertThatThrownBy(() -> guard.resolve("metadata.example.test")).isInstanceOf(SsrfBlockedException.class);
    }

    @Test
    void shouldRefuseANameWhenAnyOfItsAddressesIsInternal() {
        assertThatThrownBy(() -> guard.resolve("mixed.example.test")).isInstanceOf(SsrfBlockedException.class);
    }

    @Test
    void shouldReturnTheCheckedAddressesForThePublicName() throws UnknownHostException {
        assertThat(guard.resolve("public.example.test"))
                .extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
    }

    @Test
    void shouldLetAllowListedBlocksAndHostsThrough() throws UnknownHostException {
        // Given
        SsrfGuard allowing = SsrfGuard.fromAllowList(DNS, List.of("10.0.0.0/24", "metadata.example.test"), true);

        // Then
        assertThat(allowing.resolve("internal.example.test")).hasSize(1);
        assertThat(allowing.resolve("metadata.example.test")).hasSize(1);
        assertThatThrownBy(() -> allowing.resolve("10.0.1.1")).isInstanceOf(SsrfBlockedException.class);
    }

    @Test
    void shouldAllowEverythingWhenDisabled() throws UnknownHostException {
        assertThat(SsrfGuard.fromAllowList(DNS, List.of(), false).resolve("127.0.0.1")).hasSize(1);
    }

    @Test
    void shouldRejectAMalformedAllowEntry() {
        assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
