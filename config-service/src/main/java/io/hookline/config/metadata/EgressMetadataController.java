package io.hookline.config.metadata;

import io.hookline.contracts.auth.Scopes;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;

/**
 * {@code GET /api/v1/metadata/egress}: the dispatcher's outgoing addresses. Config-service reads the dispatcher's own
 * settings, so one value configures both services.
 */
@Controller
public final class EgressMetadataController {

    private final EgressMetadata metadata;

    public EgressMetadataController(@Property(name = "hookline.dispatcher.egress-ips") @Nullable List<String> egressIps,
                                    @Property(name = "hookline.dispatcher.proxy") @Nullable String proxyUrl) {
        List<String> addresses = egressIps == null ? List.of()
                : egressIps.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
        this.metadata = new EgressMetadata(addresses, proxyUrl != null && !proxyUrl.isBlank());
    }

    @Get("/api/v1/metadata/egress")
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public EgressMetadata egress() {
        return metadata;
    }
}
