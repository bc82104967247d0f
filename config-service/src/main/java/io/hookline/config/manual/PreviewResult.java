package io.hookline.config.manual;

import io.hookline.rules.match.RequestRenderException;
import io.hookline.rules.template.TemplateError;
import java.util.List;
import java.util.Map;

/**
 * What a webhook would do with an event: whether it fires, which condition said no and why, and the requests it
 * would send (before the dispatcher adds signature, authentication and user-agent headers).
 *
 * @param failedCondition the webhook field that decided ({@code event_type}, {@code filter}, ...), {@code template}
 *                        when the request could not be rendered; null when matched
 * @param templateError   where a template failed, with line and column; null otherwise
 */
public record PreviewResult(boolean matched, String failedCondition, String reason, TemplateProblem templateError,
                            List<Request> requests) {

    static final String TEMPLATE = "template";

    static PreviewResult matched(List<Request> requests) {
        return new PreviewResult(true, null, null, null, requests);
    }

    static PreviewResult rejected(String condition, String reason, TemplateProblem error) {
        return new PreviewResult(false, condition, reason, error, List.of());
    }

    static PreviewResult renderFailed(RequestRenderException e) {
        return rejected(TEMPLATE, e.getMessage(), TemplateProblem.of(e.field(), e.error()));
    }

    /** One request to one endpoint. */
    public record Request(String method, String url, Map<String, String> headers, String body) {
    }

    /** A template failure: the field whose template failed, the kind, and 1-based line and column (0 if unknown). */
    public record TemplateProblem(String field, String kind, String message, int line, int column) {

        static TemplateProblem of(String field, TemplateError error) {
            return error == null ? null
                    : new TemplateProblem(field, error.kind(), error.message(), error.line(), error.column());
        }
    }
}
