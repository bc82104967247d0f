package io.hookline.config.manual;

import io.hookline.config.api.JsonBodies;
import io.hookline.contracts.auth.Scopes;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.service.auth.Caller;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Preview (nothing sent), manual trigger (sent now, filters skipped) and test (sample sent, response awaited). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ManualDeliveryController {

    private final WebhookPreview preview;
    private final WebhookTrigger trigger;
    private final WebhookTest test;

    public ManualDeliveryController(WebhookPreview preview, WebhookTrigger trigger, WebhookTest test) {
        this.preview = preview;
        this.trigger = trigger;
        this.test = test;
    }

    @Post("/api/v1/webhooks/preview")
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public PreviewResult preview(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @Body @Nullable byte[] body) {
        return preview.preview(caller.tenant(), JsonBodies.parse(body));
    }

    @Post("/api/v1/webhooks/{id}/trigger")
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    public HttpResponse<Triggered> trigger(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                           @Body @Nullable byte[] body) {
        List<DeliveryJob> jobs = trigger.trigger(caller.tenant(), id, JsonBodies.parse(body));
        return HttpResponse.accepted().body(new Triggered(jobs.stream().map(DeliveryJob::deliveryId).toList()));
    }

    /** On the blocking pool only while the webhook is read and the job queued; waiting for the attempt holds no thread. */
    @Post("/api/v1/webhooks/{id}/test")
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    public CompletableFuture<TestResult> test(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                              @PathVariable String id, @Body @Nullable byte[] body) {
        return test.test(caller.tenant(), id, JsonBodies.parse(body));
    }

    /** The delivery ids queued, one per endpoint, in the webhook's URL order. */
    public record Triggered(List<String> deliveryIds) {
    }
}
