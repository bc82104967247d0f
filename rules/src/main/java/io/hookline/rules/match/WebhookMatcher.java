package io.hookline.rules.match;

import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.template.TemplateError;
import io.hookline.rules.template.TemplateRenderException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a webhook fires for an event (CONTRACT.md section 5), checking in order: enabled, tenant, event
 * type ({@code trigger_type} and {@code event_types}), {@code team}, {@code integration_filter}, {@code filter}, and
 * {@code trigger_template} (fires when it renders to {@code true}, {@code 1} or {@code yes}, case and surrounding
 * space ignored). Thread-safe.
 */
public final class WebhookMatcher {

    private static final Set<String> TRUTHY = Set.of("true", "1", "yes");

    private final WebhookCompiler compiler;

    public WebhookMatcher(WebhookCompiler compiler) {
        this.compiler = compiler;
    }

    /** For a one-off decision (preview): compiles the webhook first. */
    public MatchDecision decide(WebhookConfig webhook, DomainEvent event) {
        return decide(compiler.compile(webhook), PreparedEvent.of(event));
    }

    public MatchDecision decide(CompiledWebhook webhook, PreparedEvent prepared) {
        return decide(webhook, prepared, compiler.templateEngine().limits().renderTimeout());
    }

    /** {@link #decide(CompiledWebhook, PreparedEvent)} with another time limit for the trigger template. */
    public MatchDecision decide(CompiledWebhook webhook, PreparedEvent prepared, Duration renderTimeout) {
        WebhookConfig config = webhook.config();
        DomainEvent event = prepared.event();
        if (!config.isWebhookEnabled()) {
            return MatchDecision.rejected(MatchCondition.DISABLED, "the webhook is disabled"
                    + (config.disabledReason() == null ? "" : ": " + config.disabledReason()));
        }
        if (!config.tenant().equals(event.tenant())) {
            return MatchDecision.rejected(MatchCondition.TENANT,
                    "the event belongs to tenant " + event.tenant() + ", the webhook to " + config.tenant());
        }
        if (!webhook.eventTypes().matches(event.type())) {
            return MatchDecision.rejected(MatchCondition.EVENT_TYPE, webhook.eventTypes().isManualOnly()
                    ? "the webhook has no trigger_type or event_types: it is sent only by a manual trigger"
                    : "event type " + event.type() + " is not among the webhook's trigger_type and event_types");
        }
        if (config.team() != null && !config.team().isBlank() && !prepared.teams().contains(config.team())) {
            return MatchDecision.rejected(MatchCondition.TEAM, "the event's team " + describe(prepared.teams())
                    + " is not " + config.team());
        }
        List<String> integrations = config.integrationFilter();
        if (integrations != null && !integrations.isEmpty()
                && prepared.integrations().stream().noneMatch(integrations::contains)) {
            return MatchDecision.rejected(MatchCondition.INTEGRATION_FILTER, "the event's integration "
                    + describe(prepared.integrations()) + " is not in the integration_filter");
        }
        MatchDecision broken = brokenRule(webhook, "filter", MatchCondition.FILTER);
        if (broken != null) {
            return broken;
        }
        if (!webhook.filter().test(prepared.json())) {
            return MatchDecision.rejected(MatchCondition.FILTER, "the filter does not hold for the event");
        }
        broken = brokenRule(webhook, "trigger_template", MatchCondition.TRIGGER_TEMPLATE);
        if (broken != null) {
            return broken;
        }
        if (webhook.triggerTemplate() != null) {
            return triggerTemplate(webhook, prepared, renderTimeout);
        }
        return MatchDecision.match();
    }

    private MatchDecision triggerTemplate(CompiledWebhook webhook, PreparedEvent prepared, Duration renderTimeout) {
        try {
            String rendered = compiler.templateEngine().render(webhook.triggerTemplate(), prepared.templateContext(),
                    renderTimeout);
            String verdict = rendered.trim().toLowerCase(Locale.ROOT);
            return TRUTHY.contains(verdict) ? MatchDecision.match()
                    : MatchDecision.rejected(MatchCondition.TRIGGER_TEMPLATE,
                            "the trigger_template rendered \"" + abbreviate(rendered) + "\", not true, 1 or yes");
        } catch (TemplateRenderException e) {
            return MatchDecision.error(MatchCondition.TRIGGER_TEMPLATE, e.error());
        }
    }

    /** A rule stored without validation that does not compile: logged as a failure for every event it meets. */
    private static MatchDecision brokenRule(CompiledWebhook webhook, String field, MatchCondition condition) {
        return webhook.problems().stream()
                .filter(problem -> problem.field().startsWith(field))
                .findFirst()
                .map(problem -> MatchDecision.error(condition, new TemplateError(TemplateError.SYNTAX,
                        "the webhook's " + problem.field() + " is invalid: " + problem.message(), 0, 0)))
                .orElse(null);
    }

    private static String describe(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(" / ", values);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
