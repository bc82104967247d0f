package io.hookline.matcher.topology;

import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryJob;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every matching rule of CONTRACT.md section 5, through the topology. */
class MatchingRulesTest {

    private final MatcherDriver matcher = new MatcherDriver();

    @AfterEach
    void close() {
        matcher.close();
    }

    private boolean matches(TestWebhooks webhook, String event) {
        matcher.configure(webhook);
        matcher.send(event);
        return !matcher.jobs().isEmpty();
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("{\"field\":\"data.service.name\",\"op\":\"eq\",\"value\":\"payments\"}", true),
                Arguments.of("{\"field\":\"data.service.name\",\"op\":\"eq\",\"value\":\"billing\"}", false),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"eq\",\"value\":3.0}", true),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"eq\",\"value\":\"3\"}", true),
                Arguments.of("{\"field\":\"data.tags.env\",\"op\":\"neq\",\"value\":\"staging\"}", true),
                Arguments.of("{\"field\":\"data.tags.env\",\"op\":\"neq\",\"value\":\"prod\"}", false),
                Arguments.of("{\"field\":\"data.incident.priority\",\"op\":\"in\",\"value\":[\"P1\",\"P2\"]}", true),
                Arguments.of("{\"field\":\"data.incident.priority\",\"op\":\"in\",\"value\":[\"P3\"]}", false),
                Arguments.of("{\"field\":\"data.incident.priority\",\"op\":\"nin\",\"value\":[\"P3\",\"P4\"]}", true),
                Arguments.of("{\"field\":\"data.incident.priority\",\"op\":\"nin\",\"value\":[\"P1\"]}", false),
                Arguments.of("{\"field\":\"data.incident.title\",\"op\":\"contains\",\"value\":\"DB\"}", true),
                Arguments.of("{\"field\":\"data.incident.title\",\"op\":\"contains\",\"value\":\"web\"}", false),
                Arguments.of("{\"field\":\"data.tags\",\"op\":\"contains\",\"value\":\"env\"}", true),
                Arguments.of("{\"field\":\"data.alerts.status\",\"op\":\"contains\",\"value\":\"resolv\"}", true),
                Arguments.of("{\"field\":\"data.service.name\",\"op\":\"starts_with\",\"value\":\"pay\"}", true),
                Arguments.of("{\"field\":\"data.service.name\",\"op\":\"starts_with\",\"value\":\"ments\"}", false),
                Arguments.of("{\"field\":\"data.service.name\",\"op\":\"ends_with\",\"value\":\"ments\"}", true),
                Arguments.of("{\"field\":\"data.service.name\",\"op\":\"ends_with\",\"value\":\"pay\"}", false),
                Arguments.of("{\"field\":\"data.incident.id\",\"op\":\"regex\",\"value\":\"^INC-\\\\d+$\"}", true),
                Arguments.of("{\"field\":\"data.incident.id\",\"op\":\"regex\",\"value\":\"^PD-\"}", false),
                Arguments.of("{\"field\":\"data.alert_source.name\",\"op\":\"exists\"}", true),
                Arguments.of("{\"field\":\"data.alert_source.url\",\"op\":\"exists\",\"value\":true}", false),
                Arguments.of("{\"field\":\"data.alert_source.url\",\"op\":\"exists\",\"value\":false}", true),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"gt\",\"value\":2}", true),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"gt\",\"value\":10}", false),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"gte\",\"value\":3}", true),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"gte\",\"value\":3.5}", false),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"lt\",\"value\":10}", true),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"lt\",\"value\":3}", false),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"lte\",\"value\":3}", true),
                Arguments.of("{\"field\":\"data.incident.severity\",\"op\":\"lte\",\"value\":2.99}", false),
                Arguments.of("{\"field\":\"data.alerts.0.value\",\"op\":\"gt\",\"value\":12}", true),
                Arguments.of("{\"field\":\"data.alerts.1.value\",\"op\":\"gt\",\"value\":12}", false),
                Arguments.of("{\"field\":\"data.created_at\",\"op\":\"gte\",\"value\":\"2026-01-01T00:00:00Z\"}", true),
                Arguments.of("{\"field\":\"type\",\"op\":\"eq\",\"value\":\"incident.triggered\"}", true),
                Arguments.of("{\"field\":\"subject\",\"op\":\"eq\",\"value\":\"INC-123\"}", true),
                Arguments.of("{\"all\":[{\"field\":\"data.service.name\",\"op\":\"eq\",\"value\":\"payments\"},"
                        + "{\"field\":\"data.incident.priority\",\"op\":\"eq\",\"value\":\"P2\"}]}", false),
                Arguments.of("{\"any\":[{\"field\":\"data.service.name\",\"op\":\"eq\",\"value\":\"billing\"},"
                        + "{\"field\":\"data.incident.priority\",\"op\":\"eq\",\"value\":\"P1\"}]}", true),
                Arguments.of("{\"not\":{\"field\":\"data.tags.env\",\"op\":\"eq\",\"value\":\"staging\"}}", true),
                Arguments.of("{\"not\":{\"field\":\"data.tags.env\",\"op\":\"eq\",\"value\":\"prod\"}}", false),
                Arguments.of("""
                        {"any": [
                          {"all": [{"field": "data.service.name", "op": "eq", "value": "payments"},
                                   {"field": "data.incident.priority", "op": "in", "value": ["P1", "P2"]}]},
                          {"not": {"field": "data.tags.env", "op": "eq", "value": "staging"}}]}""", true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("filters")
    void shouldApplyEveryFilterOperatorAndGroup(String filter, boolean expected) {
        assertThat(matches(webhook("wh-1").filter(filter), TestEvents.INCIDENT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
        "escalation, alert_group.escalation, true",
        "alert group created, alert_group.created, true",
        "acknowledge, alert_group.acknowledged, true",
        "resolve, alert_group.resolved, true",
        "silence, alert_group.silenced, true",
        "unsilence, alert_group.unsilenced, true",
        "unresolve, alert_group.unresolved, true",
        "unacknowledge, alert_group.unacknowledged, true",
        "status change, alert_group.status_change, true",
        "personal notification, alert_group.personal_notification, true",
        "status change, alert_group.acknowledged, true",
        "status change, alert_group.resolved, true",
        "status change, alert_group.silenced, true",
        "status change, alert_group.unsilenced, true",
        "status change, alert_group.unresolved, true",
        "status change, alert_group.unacknowledged, true",
        "status change, alert_group.created, false",
        "resolve, alert_group.acknowledged, false",
        "acknowledge, incident.acknowledged, false"
    })
    void shouldMapEveryOnCallTriggerType(String triggerType, String eventType, boolean expected) {
        assertThat(matches(webhook("wh-1").triggerType(triggerType), TestEvents.ofType(eventType))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
        "incident.*, incident.triggered, true",
        "incident.*, incident.resolved, true",
        "incident.*, incident_note.starred, false",
        "incident.*, incident, false",
        "*, postmortem.created, true",
        "*.resolved, incident.resolved, true",
        "incident.triggered, incident.triggered, true",
        "incident.triggered, incident.triggered.v2, false"
    })
    void shouldMatchEventTypePatterns(String pattern, String eventType, boolean expected) {
        assertThat(matches(webhook("wh-1").eventTypes(pattern), TestEvents.ofType(eventType))).isEqualTo(expected);
    }

    @Test
    void shouldFireOnEitherTriggerTypeOrEventTypes() {
        matcher.configure(webhook("wh-1").triggerType("resolve").eventTypes("incident.*"));
        matcher.send(TestEvents.ofType("incident.triggered"));
        matcher.send(TestEvents.ofType("alert_group.resolved"));
        matcher.send(TestEvents.ofType("check.failed"));
        assertThat(matcher.jobs()).extracting(DeliveryJob::eventType)
                .containsExactly("incident.triggered", "alert_group.resolved");
    }

    @Test
    void shouldNotFireAManualWebhookAutomatically() {
        assertThat(matches(webhook("wh-1").eventTypes(), TestEvents.INCIDENT)).isFalse();
    }

    @ParameterizedTest(name = "team {0} with data {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "team-1 | {\"team\":{\"id\":\"team-1\",\"name\":\"SRE\"}} | true",
        "SRE    | {\"team\":{\"id\":\"team-1\",\"name\":\"SRE\"}} | true",
        "SRE    | {\"team\":\"SRE\"}                             | true",
        "DBA    | {\"team\":{\"id\":\"team-1\",\"name\":\"SRE\"}} | false",
        "DBA    | {}                                             | false"
    })
    void shouldMatchTheTeamByIdOrName(String team, String data, boolean expected) {
        assertThat(matches(webhook("wh-1").team(team), TestEvents.withData(data))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"integration\":{\"id\":\"CRV8\"}}                     | true",
        "{\"alert_receive_channel\":{\"id\":\"CRV8\"}}           | true",
        "{\"integration_id\":\"CRV8\"}                           | true",
        "{\"alert_group\":{\"integration_id\":\"CRV8\"}}         | true",
        "{\"integration\":{\"id\":\"OTHER\"}}                    | false",
        "{}                                                      | false"
    })
    void shouldApplyTheIntegrationFilter(String data, boolean expected) {
        assertThat(matches(webhook("wh-1").integrationFilter("CRV8", "XYZ"), TestEvents.withData(data)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{{ incident.priority == 'P1' }}    | true",
        "{% if tags.env == 'prod' %}yes{% endif %} | true",
        " 1                                 | true",
        "{{ 'YES' }}                        | true",
        "{{ incident.priority == 'P2' }}    | false",
        "no                                 | false",
        "{{ nothing }}                      | false"
    })
    void shouldFireOnlyWhenTheTriggerTemplateRendersTrue(String template, boolean expected) {
        assertThat(matches(webhook("wh-1").triggerTemplate(template), TestEvents.INCIDENT)).isEqualTo(expected);
    }
}
