package io.hookline.rules.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed filter expression, evaluated against an event in structured JSON form ({@code DomainEvent.toJson()}).
 * Instances are immutable and thread-safe; build them with {@link FilterParser}.
 */
public sealed interface Filter permits Filter.All, Filter.Any, Filter.Not, Filter.Always, Condition {

    /** The filter of a webhook without one: every event passes. */
    Filter ALWAYS = new Always();

    boolean test(JsonNode event);

    /** True when every member is true (an {@code all} group). */
    record All(List<Filter> members) implements Filter {
        public All {
            members = List.copyOf(members);
        }

        @Override
        public boolean test(JsonNode event) {
            for (Filter member : members) {
                if (!member.test(event)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** True when at least one member is true (an {@code any} group). */
    record Any(List<Filter> members) implements Filter {
        public Any {
            members = List.copyOf(members);
        }

        @Override
        public boolean test(JsonNode event) {
            for (Filter member : members) {
                if (member.test(event)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The negation of one expression (a {@code not} group). */
    record Not(Filter inner) implements Filter {
        @Override
        public boolean test(JsonNode event) {
            return !inner.test(event);
        }
    }

    /** Matches everything. */
    record Always() implements Filter {
        @Override
        public boolean test(JsonNode event) {
            return true;
        }
    }
}
