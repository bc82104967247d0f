package io.hookline.rules.match;

/**
 * An entry of a webhook's {@code event_types}: an exact type ({@code incident.triggered}) or a glob where {@code *}
 * stands for any run of characters, dots included ({@code incident.*}, {@code *.resolved}, {@code *}).
 */
public final class EventTypePattern {

    private final String pattern;
    private final String[] parts;

    private EventTypePattern(String pattern) {
        this.pattern = pattern;
        this.parts = pattern.split("\\*", -1);
    }

    public static EventTypePattern of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("an event type must not be blank");
        }
        return new EventTypePattern(pattern.trim());
    }

    /** Whether {@code pattern} has a wildcard; without one it matches only the identical type. */
    public static boolean isPattern(String pattern) {
        return pattern.indexOf('*') >= 0;
    }

    public static boolean matches(String pattern, String eventType) {
        return of(pattern).matches(eventType);
    }

    public boolean matches(String eventType) {
        if (eventType == null) {
            return false;
        }
        if (parts.length == 1) {
            return pattern.equals(eventType);
        }
        if (!eventType.startsWith(parts[0])) {
            return false;
        }
        int from = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = eventType.indexOf(parts[i], from);
            if (found < 0) {
                return false;
            }
            from = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return eventType.length() - from >= last.length() && eventType.endsWith(last);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
