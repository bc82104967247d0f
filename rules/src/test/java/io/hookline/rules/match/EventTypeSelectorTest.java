package io.hookline.rules.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which event types a webhook's event_types select, Hookline's operational ones included. */
class EventTypeSelectorTest {

    private static EventTypeSelector selector(String... types) {
        List<EventTypePattern> patterns = new java.util.ArrayList<>();
        Set<String> exact = new java.util.HashSet<>();
        for (String type : types) {
            if (EventTypePattern.isPattern(type)) {
                patterns.add(EventTypePattern.of(type));
            } else {
                exact.add(type);
            }
        }
        return new EventTypeSelector(exact, patterns);
    }

    @Test
    void shouldNotSelectOperationalEventsWithACatchAll() {
        assertThat(selector("*").matches("incident.triggered")).isTrue();
        assertThat(selector("*").matches("hookline.endpoint.disabled")).isFalse();
        assertThat(selector("*.disabled").matches("hookline.endpoint.disabled")).isFalse();
        assertThat(selector("hook*").matches("hookline.attempt.exhausted")).isFalse();
    }

    @Test
    void shouldSelectOperationalEventsByTheirPrefixOrExactType() {
        assertThat(selector("hookline.*").matches("hookline.attempt.exhausted")).isTrue();
        assertThat(selector("hookline.endpoint.*").matches("hookline.endpoint.recovered")).isTrue();
        assertThat(selector("hookline.endpoint.*").matches("hookline.attempt.exhausted")).isFalse();
        assertThat(selector("hookline.endpoint.disabled").matches("hookline.endpoint.disabled")).isTrue();
        assertThat(selector("hookline.*").matches("incident.triggered")).isFalse();
    }
}
