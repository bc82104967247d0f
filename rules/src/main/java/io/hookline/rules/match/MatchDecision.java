package io.hookline.rules.match;

import io.hookline.rules.template.TemplateError;

/**
 * Whether one webhook fires for one event, and if not, which condition said no.
 *
 * @param failed        the first condition that did not hold; null when matched
 * @param reason        a human-readable explanation; null when matched
 * @param templateError set when the trigger template (or a rule that could not be compiled) failed: the event is then
 *                      neither matched nor silently skipped but logged as a failed delivery
 */
public record MatchDecision(boolean matched, MatchCondition failed, String reason, TemplateError templateError) {

    private static final MatchDecision MATCHED = new MatchDecision(true, null, null, null);

    public static MatchDecision match() {
        return MATCHED;
    }

    public static MatchDecision rejected(MatchCondition condition, String reason) {
        return new MatchDecision(false, condition, reason, null);
    }

    public static MatchDecision error(MatchCondition condition, TemplateError error) {
        return new MatchDecision(false, condition, error.describe(), error);
    }

    /** True when the webhook could not be evaluated: the failure must be logged, not ignored. */
    public boolean isError() {
        return templateError != null;
    }
}
