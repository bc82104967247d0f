package io.hookline.dispatcher.ssrf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** Which resolved addresses a webhook may reach: none of the internal ranges of CONTRACT.md section 7. */
public final class AddressPolicy {

    private static final List<CidrBlock> FORBIDDEN = List.of(
            CidrBlock.parse("0.0.0.0/8"),
            CidrBlock.parse("10.0.0.0/8"),
            CidrBlock.parse("100.64.0.0/10"),
            CidrBlock.parse("127.0.0.0/8"),
            CidrBlock.parse("169.254.0.0/16"),
            CidrBlock.parse("172.16.0.0/12"),
            CidrBlock.parse("192.168.0.0/16"),
            CidrBlock.parse("224.0.0.0/4"),
            CidrBlock.parse("240.0.0.0/4"),
            CidrBlock.parse("::/128"),
            CidrBlock.parse("::1/128"),
            CidrBlock.parse("fc00::/7"),
            CidrBlock.parse("fe80::/10"),
            CidrBlock.parse("ff00::/8"));

    private final List<CidrBlock> allowed;

    public AddressPolicy(List<CidrBlock> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Why the address must not be reached, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress effective = unwrapMapped(address);
        if (allowed.stream().anyMatch(block -> block.contains(effective))) {
            return Optional.empty();
        }
        if (effective.isLoopbackAddress()) {
            return Optional.of("loopback address " + address.getHostAddress());
        }
        if (effective.isLinkLocalAddress()) {
            return Optional.of("link-local address " + address.getHostAddress());
        }
        if (effective.isMulticastAddress()) {
            return Optional.of("multicast address " + address.getHostAddress());
        }
        if (effective.isAnyLocalAddress()) {
            return Optional.of("unspecified address " + address.getHostAddress());
        }
        if (FORBIDDEN.stream().anyMatch(block -> block.contains(effective))) {
            return Optional.of("private or reserved address " + address.getHostAddress());
        }
        return Optional.empty();
    }

    /** {@code ::ffff:10.0.0.1} reaches 10.0.0.1, so it is judged as the IPv4 address it carries. */
    static InetAddress unwrapMapped(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        boolean mapped = bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0 && !isAllZeroOrOne(bytes);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    private static boolean isAllZeroOrOne(byte[] bytes) {
        for (int i = 12; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }
}
