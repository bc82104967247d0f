package io.hookline.dispatcher.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves a host and checks every address it resolves to; the caller connects only to the addresses returned, so a
 * DNS answer that changes between the check and the connect cannot slip through.
 */
public final class SsrfGuard {

    /** A name lookup: the system's resolver in production ({@code dns.ResolverFactory}), a fake in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final AddressPolicy policy;
    private final Set<String> allowedHosts;
    private final boolean enabled;

    public SsrfGuard(Resolver resolver, AddressPolicy policy, Set<String> allowedHosts, boolean enabled) {
        this.resolver = resolver;
        this.policy = policy;
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.enabled = enabled;
    }

    /** Builds the guard from allow entries that are CIDR blocks, address literals or host names. */
    public static SsrfGuard fromAllowList(Resolver resolver, List<String> allow, boolean enabled) {
        List<CidrBlock> blocks = allow.stream().filter(CidrBlock::looksLikeCidr).map(CidrBlock::parse).toList();
        Set<String> hosts = allow.stream().filter(entry -> !CidrBlock.looksLikeCidr(entry)).collect(Collectors.toSet());
        return new SsrfGuard(resolver, new AddressPolicy(blocks), hosts, enabled);
    }

    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (!enabled || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new SsrfBlockedException(host + " resolves to a " + refusal.get() + " (of "
                        + Arrays.stream(addresses).map(InetAddress::getHostAddress).toList() + ")");
            }
        }
        return addresses;
    }
}
