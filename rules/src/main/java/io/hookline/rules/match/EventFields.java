package io.hookline.rules.match;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the team and the integration of an event are read from its {@code data}:
 * <ul>
 *   <li>team: {@code data.team.id}, {@code data.team.name}, or {@code data.team} when it is a string;</li>
 *   <li>integration: {@code data.integration.id}, {@code data.alert_receive_channel.id},
 *       {@code data.integration_id} and {@code data.alert_group.integration_id} (OnCall's payload).</li>
 * </ul>
 */
public final class EventFields {

    private EventFields() {
    }

    /** Every name the event's team goes by (its id and its name); empty when the event has no team. */
    public static List<String> teams(JsonNode data) {
        List<String> teams = new ArrayList<>(2);
        if (data == null) {
            return teams;
        }
        JsonNode team = data.get("team");
        if (team == null || team.isNull()) {
            return teams;
        }
        if (team.isValueNode()) {
            teams.add(team.asText());
        } else {
            addText(team.get("id"), teams);
            addText(team.get("name"), teams);
        }
        return teams;
    }

    /** Every integration id the event carries; empty when it names none. */
    public static List<String> integrations(JsonNode data) {
        List<String> ids = new ArrayList<>(2);
        if (data == null || !data.isObject()) {
            return ids;
        }
        addText(data.path("integration").get("id"), ids);
        addText(data.path("alert_receive_channel").get("id"), ids);
        addText(data.get("integration_id"), ids);
        addText(data.path("alert_group").get("integration_id"), ids);
        return ids;
    }

    private static void addText(JsonNode node, List<String> out) {
        if (node != null && node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        }
    }
}
