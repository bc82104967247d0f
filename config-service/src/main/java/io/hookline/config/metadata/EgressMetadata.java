package io.hookline.config.metadata;

import java.util.List;

/**
 * What receivers need to allow-list Hookline's requests.
 *
 * @param egressIps the outgoing addresses the operator configured ({@code hookline.dispatcher.egress-ips})
 * @param proxy     whether the dispatcher sends through a proxy ({@code hookline.dispatcher.proxy}); never its URL
 */
public record EgressMetadata(List<String> egressIps, boolean proxy) {
}
