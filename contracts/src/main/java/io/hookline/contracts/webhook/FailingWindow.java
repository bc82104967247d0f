package io.hookline.contracts.webhook;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook's {@code disable_after_failing}: how long every attempt must have failed before it is disabled. Written as
 * a whole number with a unit ({@code 90m}, {@code 12h}, {@code 5d}, also {@code s}) or in ISO-8601 ({@code P5D},
 * {@code PT12H}). The API accepts 1 minute to 90 days: shorter would disable a webhook on one bad deploy of its
 * receiver, longer outlives the delivery log that explains why. The dispatcher reads any positive duration
 * ({@link #parse}), so that a window stored by other means (tests write seconds straight to the topic) still works.
 */
public final class FailingWindow {

    public static final Duration MIN = Duration.ofMinutes(1);
    public static final Duration MAX = Duration.ofDays(90);
    private static final Pattern SHORT_FORM = Pattern.compile("([1-9][0-9]{0,9})([smhd])");

    private FailingWindow() {
    }

    /** The duration, when {@code text} is a positive one in either form; empty otherwise. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT_FORM.matcher(trimmed);
        Duration duration;
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            duration = switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else if (trimmed.startsWith("p")) {
            try {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(duration);
    }

    /** Why the API refuses {@code text}, or empty when it accepts it. */
    public static Optional<String> problem(String text) {
        Optional<Duration> duration = parse(text);
        if (duration.isEmpty()) {
            return Optional.of("must be a duration such as 90m, 12h or 5d (units s, m, h, d) or ISO-8601 such as P5D");
        }
        if (duration.get().compareTo(MIN) < 0 || duration.get().compareTo(MAX) > 0) {
            return Optional.of("must be between 1 minute and 90 days");
        }
        return Optional.empty();
    }
}
