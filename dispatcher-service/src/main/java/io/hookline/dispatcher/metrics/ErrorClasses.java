package io.hookline.dispatcher.metrics;

import io.hookline.dispatcher.http.FailureClassifier;
import java.util.Set;

/**
 * The error classes an attempt is counted under. Attempts carry only these (see {@code FailureClassifier}, the
 * refusals and the outcome handler); anything else is {@code other}, so a new class can never grow the series.
 */
final class ErrorClasses {

    /** A successful attempt has no error class. */
    static final String NONE = "none";
    static final String OTHER = "other";

    static final Set<String> KNOWN = Set.of(NONE, OTHER, "http_status", "secret", "oversized", "webhook_deleted",
            "disabled", "url_removed", FailureClassifier.TIMEOUT, FailureClassifier.CONNECTION_REFUSED,
            FailureClassifier.CONNECTION_RESET, FailureClassifier.TLS, FailureClassifier.DNS,
            FailureClassifier.DNS_TIMEOUT, FailureClassifier.SSRF_BLOCKED, FailureClassifier.CONNECTION,
            FailureClassifier.PROTOCOL, FailureClassifier.PROXY);

    private ErrorClasses() {
    }

    static String label(String errorClass) {
        if (errorClass == null) {
            return NONE;
        }
        return KNOWN.contains(errorClass) ? errorClass : OTHER;
    }
}
