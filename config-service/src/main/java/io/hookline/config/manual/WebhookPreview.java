package io.hookline.config.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.validation.FieldErrors;
import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.MatchDecision;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.match.RenderedRequest;
import io.hookline.rules.match.RequestRenderException;
import io.hookline.rules.match.RequestRenderer;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.match.WebhookMatcher;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Answers what a webhook, given inline, would do with an event: nothing is sent or stored. */
@Singleton
public final class WebhookPreview {

    private static final Set<String> FIELDS = Set.of("webhook", "event");

    private final WebhookBodies webhooks;
    private final WebhookCompiler compiler;
    private final WebhookMatcher matcher;
    private final RequestRenderer renderer;
    private final SecretCipher cipher;
    private final EventReader events = new EventReader();

    public WebhookPreview(WebhookBodies webhooks, WebhookCompiler compiler, WebhookMatcher matcher,
                          RequestRenderer renderer, SecretCipher cipher) {
        this.cipher = cipher;
        this.webhooks = webhooks;
        this.compiler = compiler;
        this.matcher = matcher;
        this.renderer = renderer;
    }

    /** The preview of {@code {"webhook": ..., "event": ...}}, or a 400 problem naming every invalid field. */
    public PreviewResult preview(String tenant, JsonNode body) {
        FieldErrors errors = new FieldErrors();
        if (!body.isObject()) {
            errors.add("", "must be a JSON object with \"webhook\" and \"event\"");
            errors.throwIfAny();
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(name, "unknown field; expected \"webhook\" and \"event\"");
            }
        }
        if (body.get("webhook") == null) {
            errors.add("webhook", "is required");
        }
        if (body.get("event") == null) {
            errors.add("event", "is required");
        }
        WebhookConfig webhook = body.get("webhook") == null ? null
                : webhooks.read(body.get("webhook"), tenant, "webhook", errors);
        DomainEvent event = body.get("event") == null ? null : events.read(body.get("event"), tenant, "event", errors);
        errors.throwIfAny();
        return preview(compiler.compile(webhook), PreparedEvent.of(event));
    }

    private PreviewResult preview(CompiledWebhook webhook, PreparedEvent event) {
        MatchDecision decision = matcher.decide(webhook, event);
        if (!decision.matched()) {
            return PreviewResult.rejected(decision.failed().wireName(), decision.reason(),
                    PreviewResult.TemplateProblem.of(decision.failed().wireName(), decision.templateError()));
        }
        try {
            RenderedRequest rendered = renderer.render(webhook, event);
            List<PreviewResult.Request> requests = new ArrayList<>();
            for (String url : rendered.urls()) {
                requests.add(new PreviewResult.Request(rendered.method(), url,
                        SealedHeaders.openAll(rendered.headers(), cipher), rendered.body()));
            }
            return PreviewResult.matched(requests);
        } catch (RequestRenderException e) {
            return PreviewResult.renderFailed(e);
        }
    }
}
