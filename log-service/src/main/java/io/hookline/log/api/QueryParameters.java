package io.hookline.log.api;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.log.query.PageRequest;
import io.hookline.log.query.ResponseFilter;
import io.hookline.service.problem.Problem.FieldError;
import io.micronaut.http.HttpParameters;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the query string of the log API, collecting every bad parameter into one 400. */
final class QueryParameters {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private final HttpParameters parameters;
    private final List<FieldError> errors = new ArrayList<>();

    QueryParameters(HttpParameters parameters) {
        this.parameters = parameters;
    }

    PageRequest page() {
        int page = integer("page", 1, 1, Integer.MAX_VALUE);
        int size = integer("page_size", PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE);
        return errors.isEmpty() ? new PageRequest(page, size) : null;
    }

    ResponseFilter filter() {
        Outcome outcome = outcome();
        String statusText = parameters.get("status_code");
        Integer status = statusText == null ? null : integer("status_code", 0, 100, 599);
        String eventType = blankToNull(parameters.get("event_type"));
        Instant from = instant("from");
        Instant to = instant("to");
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "from must not be after to"));
        }
        return new ResponseFilter(outcome, status, eventType, from, to);
    }

    /** A window or period such as {@code 1h}, {@code 30m}, {@code 7d} or ISO-8601 {@code PT1H}. */
    Duration duration(String name, String defaultValue, Duration max) {
        String text = parameters.get(name) == null ? defaultValue : parameters.get(name).trim();
        Duration value = parseDuration(text);
        if (value == null || value.isZero() || value.isNegative()) {
            errors.add(new FieldError(name, name + " must be a positive duration such as 1h, 30m, 7d or PT1H"));
            return null;
        }
        if (value.compareTo(max) > 0) {
            errors.add(new FieldError(name, name + " must not exceed the retention period " + max));
            return null;
        }
        return value;
    }

    /** An ISO-8601 instant, or a duration meaning "that long ago". */
    Instant instantOrAgo(String name, Instant now) {
        String text = parameters.get(name);
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(name, name + " is required: an ISO-8601 instant or a duration such as 1h"));
            return null;
        }
        Duration ago = parseDuration(text.trim());
        if (ago == null) {
            return instant(name);
        }
        try {
            return now.minus(ago);
        } catch (DateTimeException | ArithmeticException e) {
            errors.add(new FieldError(name, name + " reaches further back than any representable instant; give a "
                    + "shorter duration such as 30d, or an ISO-8601 instant"));
            return null;
        }
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Outcome outcome() {
        String text = blankToNull(parameters.get("outcome"));
        if (text == null) {
            return null;
        }
        try {
            return Outcome.fromWireName(text.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("outcome", "outcome must be one of succeeded, retrying, failed, dead"));
            return null;
        }
    }

    private int integer(String name, int defaultValue, int min, int max) {
        String text = parameters.get(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        errors.add(new FieldError(name, name + " must be a whole number from " + min + " to " + max));
        return defaultValue;
    }

    private Instant instant(String name) {
        String text = blankToNull(parameters.get(name));
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, name + " must be an ISO-8601 instant such as 2026-11-22T10:00:00Z"));
            return null;
        }
    }

    private static Duration parseDuration(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
