package io.hookline.testkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What no answer to a hostile request may be: a 500 (or any 5xx but a 503 asking to retry), an error that is not
 * {@code application/problem+json} (HEAD aside, which has no body), a body that shows a stack trace or names an
 * exception class, or no answer.
 */
public final class FuzzVerdict {

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\b(java|javax|jakarta|io|com|org)\\.[\\w.$]+"
            + "(Exception|Error)\\b");

    private FuzzVerdict() {
    }

    public static List<String> violations(String method, RawHttp.Answer answer) {
        List<String> violations = new ArrayList<>();
        int status = answer.status();
        if (status == 0) {
            violations.add("no answer");
            return violations;
        }
        if (status >= 500 && status != 503) {
            violations.add("status " + status);
        }
        // A HEAD answer has no body (Micronaut drops its Content-Type with it), so there is no problem to type.
        if (status >= 400 && !"HEAD".equals(method) && !answer.contentType().startsWith("application/problem+json")) {
            violations.add("error answered as '" + answer.contentType() + "', not application/problem+json");
        }
        if (!"HEAD".equals(method) && status >= 400 && answer.body().isEmpty()) {
            violations.add("error without a body");
        }
        if (STACK_FRAME.matcher(answer.body()).find() || EXCEPTION_CLASS.matcher(answer.body()).find()) {
            violations.add("stack trace or exception class in the body");
        }
        return violations;
    }
}
