package io.hookline.config.secrets;

import io.hookline.config.error.ProblemException;
import io.hookline.service.auth.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Key rotation: re-encrypts every webhook's secrets to the newest key. Only the bootstrap admin token may. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
public final class SecretsAdminController {

    private final SecretsReencryption reencryption;

    public SecretsAdminController(SecretsReencryption reencryption) {
        this.reencryption = reencryption;
    }

    @Post("/api/v1/admin/reencrypt")
    @Operation(operationId = "reencryptSecrets", summary = "Re-encrypt the secrets of every webhook, of every tenant, with the newest key of hookline.secrets.keys (admin token only)")
    public SecretsReencryption.Reencrypted reencrypt(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        if (!caller.isBootstrapAdmin()) {
            throw ProblemException.forbidden("Only the admin token (HOOKLINE_ADMIN_TOKEN) may re-encrypt secrets");
        }
        return reencryption.reencryptAll();
    }
}
