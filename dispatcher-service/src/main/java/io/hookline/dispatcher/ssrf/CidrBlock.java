package io.hookline.dispatcher.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
public record CidrBlock(byte[] network, int prefixLength) {

    /** Parses {@code address/prefix} or a bare address literal (a block of one); never resolves names. */
    public static CidrBlock parse(String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        byte[] network = literal(parts[0]);
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("bad prefix length in " + cidr);
        }
        return new CidrBlock(network, prefix);
    }

    public static boolean looksLikeCidr(String value) {
        String address = value.trim().split("/", 2)[0];
        return address.contains(":") || address.matches("[0-9.]+");
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static byte[] literal(String address) {
        if (!looksLikeCidr(address)) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        try {
            // A literal never triggers a lookup.
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
    }
}
