package io.hookline.config.catalogue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the built-in event-type catalogue.
 *
 * @param group            where the type comes from: {@code squadcast}, {@code oncall} or {@code soda}
 * @param oncallTriggerType the Grafana OnCall trigger type this event stands for, or null
 * @param sample           a whole CloudEvent of this type, as it would arrive on domain-events
 */
public record EventType(String type, String group, String description, String oncallTriggerType, JsonNode sample) {
}
