package io.hookline.config.secrets;

import io.hookline.config.error.ProblemException;
import io.hookline.service.auth.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Key rotation: re-encrypts every webhook's secrets to the newest key. Only the bootstrap admin token may. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class SecretsAdminController {

    private final SecretsReencryption reencryption;

    public SecretsAdminController(SecretsReencryption reencryption) {
        this.reencryption = reencryption;
    }

    @Post("/api/v1/admin/reencrypt")
    public SecretsReencryption.Reencrypted reencrypt(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        if (!caller.isBootstrapAdmin()) {
            throw ProblemException.forbidden("Only the admin token (HOOKLINE_ADMIN_TOKEN) may re-encrypt secrets");
        }
        return reencryption.reencryptAll();
    }
}
