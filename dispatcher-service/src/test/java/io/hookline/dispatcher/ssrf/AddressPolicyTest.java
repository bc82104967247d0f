package io.hookline.dispatcher.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every address form the SSRF policy refuses or lets through, one row each; the test report lists them all. */
class AddressPolicyTest {

    private final AddressPolicy policy = new AddressPolicy(List.of());

    @ParameterizedTest(name = "refuses {0} as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0                         | unspecified address 0.0.0.0
            0.255.255.255                   | unspecified address
            10.0.0.1                        | private address
            10.255.255.255                  | private address
            100.64.0.1                      | shared (CGNAT) address
            100.127.255.254                 | shared (CGNAT) address
            127.0.0.1                       | loopback address
            127.255.255.254                 | loopback address
            169.254.169.254                 | link-local address
            172.16.0.1                      | private address
            172.31.255.255                  | private address
            192.0.0.1                       | IETF protocol assignments address
            192.0.0.170                     | IETF protocol assignments address
            192.168.0.1                     | private address
            198.18.0.1                      | benchmarking address
            198.19.255.255                  | benchmarking address
            224.0.0.1                       | multicast address
            239.255.255.250                 | multicast address
            240.0.0.1                       | reserved or broadcast address
            255.255.255.255                 | reserved or broadcast address
            ::                              | unspecified address
            ::1                             | loopback address
            ::ffff:127.0.0.1                | loopback address 127.0.0.1 (reached through
            ::ffff:7f00:1                   | loopback address 127.0.0.1 (reached through
            ::ffff:10.0.0.1                 | private address 10.0.0.1 (reached through
            ::ffff:169.254.169.254          | link-local address 169.254.169.254 (reached through
            ::ffff:0.0.0.0                  | unspecified address 0.0.0.0 (reached through
            ::ffff:0:127.0.0.1              | loopback address 127.0.0.1 (reached through
            ::127.0.0.1                     | loopback address 127.0.0.1 (reached through
            ::10.0.0.1                      | private address 10.0.0.1 (reached through
            ::169.254.169.254               | link-local address 169.254.169.254 (reached through
            64:ff9b::7f00:1                 | NAT64 address
            64:ff9b::808:808                | NAT64 address
            64:ff9b:1::1                    | local-use NAT64 address
            2001::1                         | Teredo address
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo address
            2002:7f00:1::1                  | 6to4 address
            2002:808:808::1                 | 6to4 address
            fc00::1                         | unique-local address
            fd12:3456:789a::1               | unique-local address
            fe80::1                         | link-local address
            febf:ffff::1                    | link-local address
            fec0::1                         | site-local address
            feff:ffff::1                    | site-local address
            ff02::1                         | multicast address
            ff05::1:3                       | multicast address
            """)
    void shouldRefuse(String address, String reason) throws UnknownHostException {
        assertThat(policy.refusal(ipv6FormKept(address))).hasValueSatisfying(
                refusal -> assertThat(refusal).startsWith(reason));
    }

    @ParameterizedTest(name = "lets {0} through")
    @CsvSource({"8.8.8.8", "93.184.216.34", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "192.0.1.1", "192.167.255.255", "198.17.255.255", "198.20.0.1", "223.255.255.255",
            "2606:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9a::1", "2003::1", "fbff::1"})
    void shouldAllowPublicAddresses(String address) throws UnknownHostException {
        assertThat(policy.refusal(ipv6FormKept(address))).isEmpty();
    }

    @Test
    void shouldAllowAnAllowListedBlockAndItsIpv6Forms() throws UnknownHostException {
        // Given
        AddressPolicy allowing = new AddressPolicy(List.of(CidrBlock.parse("10.1.0.0/16"), CidrBlock.parse("fd00::/8")));

        // Then
        assertThat(allowing.refusal(ipv6FormKept("10.1.2.3"))).isEmpty();
        assertThat(allowing.refusal(ipv6FormKept("::ffff:10.1.2.3"))).isEmpty();
        assertThat(allowing.refusal(ipv6FormKept("fd00::5"))).isEmpty();
        assertThat(allowing.refusal(ipv6FormKept("10.2.0.1"))).isPresent();
        assertThat(allowing.refusal(ipv6FormKept("fc00::5"))).isPresent();
    }

    @Test
    void shouldRefuseAForbiddenIpv4AddressBehindAnAllowListedTranslationPrefix() throws UnknownHostException {
        // Given an IPv6-only network whose DNS64 answers for IPv4-only hosts with NAT64 addresses
        AddressPolicy allowing = new AddressPolicy(List.of(CidrBlock.parse("64:ff9b::/96"),
                CidrBlock.parse("64:ff9b:1::/48"), CidrBlock.parse("2002::/16"), CidrBlock.parse("2001::/32")));

        // Then public IPv4 addresses are reached through it, internal ones are not
        assertThat(allowing.refusal(ipv6FormKept("64:ff9b::808:808"))).isEmpty();
        assertThat(allowing.refusal(ipv6FormKept("64:ff9b::7f00:1"))).hasValue(
                "loopback address 127.0.0.1 (reached through 64:ff9b:0:0:0:0:7f00:1)");
        assertThat(allowing.refusal(ipv6FormKept("64:ff9b::a9fe:a9fe"))).get().asString()
                .startsWith("link-local address 169.254.169.254");
        assertThat(allowing.refusal(ipv6FormKept("64:ff9b:1:a00:0:100::"))).get().asString()
                .startsWith("private address 10.0.0.1");
        assertThat(allowing.refusal(ipv6FormKept("2002:a9fe:a9fe::1"))).get().asString()
                .startsWith("link-local address 169.254.169.254");
        // Teredo carries the client's address inverted: ~127.0.0.1 = 128.255.255.254
        assertThat(allowing.refusal(ipv6FormKept("2001:0:4136:e378:8000:63bf:80ff:fffe"))).get().asString()
                .startsWith("loopback address 127.0.0.1");
    }

    /** Java turns {@code ::ffff:a.b.c.d} into an IPv4 address; a resolver may hand out the IPv6 form, so test both. */
    static InetAddress ipv6FormKept(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(literal);
        if (parsed instanceof Inet4Address && literal.contains(":")) {
            byte[] v4 = parsed.getAddress();
            byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, v4[0], v4[1], v4[2], v4[3]};
            return Inet6Address.getByAddress(null, mapped, -1);
        }
        return parsed;
    }
}
