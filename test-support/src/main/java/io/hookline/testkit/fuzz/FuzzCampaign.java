package io.hookline.testkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends generated hostile requests to one service and keeps what came back: counts per category, endpoint and status,
 * and the first request of each kind of violation.
 *
 * @param failures one example request and answer per violation, category and endpoint
 */
public record FuzzCampaign(FuzzTally tally, Map<String, String> failures) {

    private static final int BODY_SHOWN = 500;

    /** A further check of each answer, such as against the service's OpenAPI document: what it finds wrong. */
    @FunctionalInterface
    public interface AnswerCheck {
        List<String> violations(FuzzRequest request, RawHttp.Answer answer);
    }

    public static FuzzCampaign run(RawHttp http, HostileRequests requests, String token, int tries) {
        return run(http, requests, token, tries, (request, answer) -> List.of());
    }

    public static FuzzCampaign run(RawHttp http, HostileRequests requests, String token, int tries,
                                   AnswerCheck check) {
        FuzzTally tally = new FuzzTally();
        Map<String, String> failures = new TreeMap<>();
        for (int n = 0; n < tries; n++) {
            FuzzRequest request = requests.request(n);
            RawHttp.Answer answer = http.send(request.toBytes(token));
            tally.count(request, answer);
            List<String> violations = new ArrayList<>(FuzzVerdict.violations(request.method(), answer));
            violations.addAll(check.violations(request, answer));
            if (!violations.isEmpty()) {
                failures.putIfAbsent(violations + " " + request.category() + " " + request.endpoint(),
                        request + " -> " + answer.status() + " " + head(answer.body()));
            }
        }
        return new FuzzCampaign(tally, failures);
    }

    private static String head(String body) {
        return body.length() > BODY_SHOWN ? body.substring(0, BODY_SHOWN) + "..." : body;
    }
}
