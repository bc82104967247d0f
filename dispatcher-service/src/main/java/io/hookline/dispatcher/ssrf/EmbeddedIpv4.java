package io.hookline.dispatcher.ssrf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The IPv4 address an IPv6 address reaches when it is one of IPv6's IPv4 forms: mapped ({@code ::ffff:a.b.c.d}),
 * compatible ({@code ::a.b.c.d}), SIIT-translated ({@code ::ffff:0:a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}, and
 * RFC 6052's layout for the /48 local-use prefix {@code 64:ff9b:1::}), 6to4 ({@code 2002:aabb:ccdd::}) and Teredo
 * (the client's address, inverted, in the last 32 bits).
 */
final class EmbeddedIpv4 {

    private static final CidrBlock NAT64 = CidrBlock.parse("64:ff9b::/96");
    private static final CidrBlock LOCAL_NAT64 = CidrBlock.parse("64:ff9b:1::/48");
    private static final CidrBlock SIX_TO_FOUR = CidrBlock.parse("2002::/16");
    private static final CidrBlock TEREDO = CidrBlock.parse("2001::/32");
    private static final CidrBlock TRANSLATED = CidrBlock.parse("::ffff:0:0:0/96");

    private EmbeddedIpv4() {
    }

    static Optional<InetAddress> of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        if (isMappedOrCompatible(b) || NAT64.contains(address) || TRANSLATED.contains(address)) {
            return Optional.of(ipv4(b[12], b[13], b[14], b[15]));
        }
        if (LOCAL_NAT64.contains(address)) {
            // RFC 6052 for a /48 prefix: bits 64-71 are the reserved u octet, so the IPv4 address is split around it.
            return Optional.of(ipv4(b[6], b[7], b[9], b[10]));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(ipv4(b[2], b[3], b[4], b[5]));
        }
        if (TEREDO.contains(address)) {
            return Optional.of(ipv4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]));
        }
        return Optional.empty();
    }

    /** {@code ::ffff:0:0/96} and the deprecated {@code ::/96}. */
    private static boolean isMappedOrCompatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF);
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
