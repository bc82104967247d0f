package io.hookline.rules.match;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a webhook fires for an event and renders its request, with one time limit for every template
 * involved; sorts failures into the webhook's own ({@link RenderFailure#transientFailure()} false) and Hookline's.
 * Thread-safe.
 */
public final class WebhookEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEvaluator.class);

    private final WebhookMatcher matcher;
    private final RequestRenderer renderer;

    public WebhookEvaluator(WebhookMatcher matcher, RequestRenderer renderer) {
        this.matcher = matcher;
        this.renderer = renderer;
    }

    public Evaluation evaluate(CompiledWebhook webhook, PreparedEvent event, Duration renderTimeout) {
        try {
            MatchDecision decision = matcher.decide(webhook, event, renderTimeout);
            if (decision.isError()) {
                return new Evaluation.Failed(RenderFailure.of(decision.failed().wireName(), decision.templateError()));
            }
            if (!decision.matched()) {
                return Evaluation.SKIPPED;
            }
            return new Evaluation.Send(renderer.render(webhook, event, renderTimeout));
        } catch (RequestRenderException e) {
            return new Evaluation.Failed(RenderFailure.of(e.field(), e.error()));
        } catch (RuntimeException e) {
            // A fault in Hookline's rules code must not stop the other webhooks or the stream.
            LOG.error("Webhook {} failed on event {}", webhook.id(), event.event().id(), e);
            return new Evaluation.Failed(RenderFailure.internal(e));
        }
    }
}
