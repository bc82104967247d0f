package io.hookline.config;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the config-service. */
@OpenAPIDefinition(
        info = @Info(title = "Hookline config-service", version = "1",
                description = "Webhooks, API tokens and event ingest; compatible with Grafana OnCall's "
                        + "outgoing-webhooks API. Errors are application/problem+json (RFC 9457).",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "Authorization", description = "<token> or Bearer <token>")
public final class ConfigServiceApplication {

    private ConfigServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ConfigServiceApplication.class, args);
    }
}
