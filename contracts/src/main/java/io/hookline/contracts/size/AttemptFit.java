package io.hookline.contracts.size;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.json.Json;
import java.util.Map;
import java.util.Objects;

/**
 * Makes an attempt record fit {@link SizeLimits#ATTEMPT_MAX_BYTES}. Response headers are always capped
 * ({@link HeaderCap}) and the error cut at {@link SizeLimits#ERROR_MAX_BYTES}. Bodies are already capped at 64 KiB
 * each, which fits unless they are full of characters JSON escapes six-fold; then, step by step until it fits, the
 * copy of the event is left out, the bodies and request headers are cut shorter, and every other text is cut.
 */
public final class AttemptFit {

    private static final int SHORT_BODY_BYTES = 16 * 1024;
    private static final int SHORT_TEXT_BYTES = 1024;
    private static final int FEW_HEADERS = 10;
    private static final int FEW_HEADER_BYTES = 2 * 1024;

    private AttemptFit() {
    }

    /** The record as it fits, with its JSON (what goes on the topic), serialized once on the usual path. */
    public record Fitted(DeliveryAttempt attempt, byte[] json) {
    }

    public static DeliveryAttempt fit(DeliveryAttempt attempt) {
        return fitted(attempt).attempt();
    }

    public static Fitted fitted(DeliveryAttempt attempt) {
        DeliveryAttempt capped = with(attempt, attempt.requestHeaders(), attempt.requestBody(),
                attempt.requestBodyTruncated(), HeaderCap.cap(attempt.responseHeaders()), attempt.responseBody(),
                attempt.responseBodyTruncated(), Utf8Cap.cap(attempt.error(), SizeLimits.ERROR_MAX_BYTES),
                attempt.eventData());
        byte[] json = Json.toBytes(capped);
        if (json.length <= SizeLimits.ATTEMPT_MAX_BYTES) {
            return new Fitted(capped, json);
        }
        DeliveryAttempt withoutEvent = with(capped, capped.requestHeaders(), capped.requestBody(),
                capped.requestBodyTruncated(), capped.responseHeaders(), capped.responseBody(),
                capped.responseBodyTruncated(), capped.error(), null);
        json = Json.toBytes(withoutEvent);
        if (json.length <= SizeLimits.ATTEMPT_MAX_BYTES) {
            return new Fitted(withoutEvent, json);
        }
        DeliveryAttempt shortBodies = with(withoutEvent, HeaderCap.cap(withoutEvent.requestHeaders()),
                Utf8Cap.cap(withoutEvent.requestBody(), SHORT_BODY_BYTES),
                withoutEvent.requestBodyTruncated()
                        || Utf8Cap.exceeds(withoutEvent.requestBody(), SHORT_BODY_BYTES),
                withoutEvent.responseHeaders(), Utf8Cap.cap(withoutEvent.responseBody(), SHORT_BODY_BYTES),
                withoutEvent.responseBodyTruncated()
                        || Utf8Cap.exceeds(withoutEvent.responseBody(), SHORT_BODY_BYTES),
                withoutEvent.error(), null);
        json = Json.toBytes(shortBodies);
        if (json.length <= SizeLimits.ATTEMPT_MAX_BYTES) {
            return new Fitted(shortBodies, json);
        }
        DeliveryAttempt shortTexts = shortTexts(shortBodies);
        return new Fitted(shortTexts, Json.toBytes(shortTexts));
    }

    /** Attributes of the event (id, type) can be as long as the event itself: the last resort cuts them too. */
    private static DeliveryAttempt shortTexts(DeliveryAttempt a) {
        return new DeliveryAttempt(shortText(a.deliveryId()), shortText(a.webhookId()), shortText(a.tenant()),
                a.attempt(), a.timestamp(), shortText(a.url()), shortText(a.method()),
                HeaderCap.cap(a.requestHeaders(), FEW_HEADERS, FEW_HEADER_BYTES), a.requestBody(),
                a.requestBodyTruncated(), a.statusCode(),
                HeaderCap.cap(a.responseHeaders(), FEW_HEADERS, FEW_HEADER_BYTES), a.responseBody(),
                a.responseBodyTruncated(), a.durationMs(), a.outcome(), shortText(a.error()),
                shortText(a.errorClass()), a.nextAttemptAt(), shortText(a.eventId()), shortText(a.eventType()),
                shortText(a.trigger()), null, a.trace());
    }

    private static String shortText(String text) {
        return Utf8Cap.cap(text, SHORT_TEXT_BYTES);
    }

    private static DeliveryAttempt with(DeliveryAttempt a, Map<String, String> requestHeaders, String requestBody,
                                        boolean requestBodyTruncated, Map<String, String> responseHeaders,
                                        String responseBody, boolean responseBodyTruncated, String error,
                                        String eventData) {
        if (Objects.equals(requestHeaders, a.requestHeaders()) && Objects.equals(requestBody, a.requestBody())
                && requestBodyTruncated == a.requestBodyTruncated()
                && Objects.equals(responseHeaders, a.responseHeaders())
                && Objects.equals(responseBody, a.responseBody())
                && responseBodyTruncated == a.responseBodyTruncated() && Objects.equals(error, a.error())
                && Objects.equals(eventData, a.eventData())) {
            return a;
        }
        return new DeliveryAttempt(a.deliveryId(), a.webhookId(), a.tenant(), a.attempt(), a.timestamp(), a.url(),
                a.method(), requestHeaders, requestBody, requestBodyTruncated, a.statusCode(), responseHeaders,
                responseBody, responseBodyTruncated, a.durationMs(), a.outcome(), error, a.errorClass(),
                a.nextAttemptAt(), a.eventId(), a.eventType(), a.trigger(), eventData, a.trace());
    }
}
