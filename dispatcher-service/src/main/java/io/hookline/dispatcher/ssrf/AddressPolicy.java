package io.hookline.dispatcher.ssrf;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which resolved addresses a webhook may reach (CONTRACT.md section 7): no loopback, private, link-local, multicast,
 * unspecified or otherwise special-purpose address, whether IPv4, IPv6, or an IPv6 form that reaches such an IPv4
 * address. Allow-listed blocks are reachable anyway; an IPv4 address reached through an IPv6 form must be allowed
 * itself, so allow-listing a translation prefix (NAT64 on an IPv6-only network) does not open 127.0.0.1 behind it.
 */
public final class AddressPolicy {

    private static final List<Range> FORBIDDEN = List.of(
            new Range("0.0.0.0/8", "unspecified"),
            new Range("10.0.0.0/8", "private"),
            new Range("100.64.0.0/10", "shared (CGNAT)"),
            new Range("127.0.0.0/8", "loopback"),
            new Range("169.254.0.0/16", "link-local"),
            new Range("172.16.0.0/12", "private"),
            new Range("192.0.0.0/24", "IETF protocol assignments"),
            new Range("192.168.0.0/16", "private"),
            new Range("198.18.0.0/15", "benchmarking"),
            new Range("224.0.0.0/4", "multicast"),
            new Range("240.0.0.0/4", "reserved or broadcast"),
            new Range("::/128", "unspecified"),
            new Range("::1/128", "loopback"),
            new Range("64:ff9b::/96", "NAT64"),
            new Range("64:ff9b:1::/48", "local-use NAT64"),
            new Range("2001::/32", "Teredo"),
            new Range("2002::/16", "6to4"),
            new Range("fc00::/7", "unique-local"),
            new Range("fe80::/10", "link-local"),
            new Range("fec0::/10", "site-local"),
            new Range("ff00::/8", "multicast"));

    private final List<CidrBlock> allowed;

    public AddressPolicy(List<CidrBlock> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Why the address must not be reached, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        Optional<String> own = ownRefusal(address);
        if (own.isPresent()) {
            return own;
        }
        return EmbeddedIpv4.of(address).flatMap(this::ownRefusal)
                .map(reason -> reason + " (reached through " + address.getHostAddress() + ")");
    }

    private Optional<String> ownRefusal(InetAddress address) {
        if (allowed.stream().anyMatch(block -> block.contains(address))) {
            return Optional.empty();
        }
        return FORBIDDEN.stream().filter(range -> range.block().contains(address)).findFirst()
                .map(range -> range.name() + " address " + address.getHostAddress());
    }

    private record Range(CidrBlock block, String name) {

        Range(String cidr, String name) {
            this(CidrBlock.parse(cidr), name);
        }
    }
}
