package io.hookline.config.manual;

import io.hookline.contracts.delivery.DeliveryAttempt;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a webhook test sent and received, as the dispatcher logged it: secret request headers masked, bodies capped.
 * One request and one response per endpoint that answered in time.
 */
public record TestResult(List<String> deliveryIds, List<SentRequest> requests, List<ReceivedResponse> responses) {

    static TestResult of(List<String> deliveryIds, Collection<DeliveryAttempt> attempts) {
        return new TestResult(deliveryIds,
                attempts.stream().map(a -> new SentRequest(a.deliveryId(), a.url(), a.method(), a.requestHeaders(),
                        a.requestBody())).toList(),
                attempts.stream().map(a -> new ReceivedResponse(a.deliveryId(), a.statusCode(), a.responseHeaders(),
                        a.responseBody(), a.durationMs(), a.error())).toList());
    }

    public record SentRequest(String deliveryId, String url, String method, Map<String, String> headers,
                              String body) {
    }

    /** {@code statusCode} is null when no response came (timeout, refused connection): {@code error} says why. */
    public record ReceivedResponse(String deliveryId, Integer statusCode, Map<String, String> headers, String body,
                                   long durationMs, String error) {
    }
}
