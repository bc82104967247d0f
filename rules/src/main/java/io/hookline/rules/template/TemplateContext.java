package io.hookline.rules.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.objects.collections.PyMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a template sees for one event (CONTRACT.md section 5): {@code cloudevent}, the whole CloudEvent
 * (extension attributes such as {@code cloudevent.traceparent} included), and each top-level key of its {@code data},
 * so that OnCall templates such as {@code {{ alert_payload.commonLabels | tojson }}} work. {@code event} is the data's
 * own {@code event} key when it has one (OnCall's {@code {{ event.type }}}), else the whole CloudEvent. JSON objects become dicts (with {@code items()},
 * {@code keys()}, {@code values()}), arrays lists. Build it once per event and share it between webhooks: renders
 * cannot change it.
 */
public final class TemplateContext {

    private final Map<String, Object> variables;

    private TemplateContext(Map<String, Object> variables) {
        this.variables = Collections.unmodifiableMap(variables);
    }

    /** The context of an event given in structured JSON form ({@code DomainEvent.toJson()}). */
    public static TemplateContext forEvent(JsonNode eventJson) {
        Map<String, Object> variables = new LinkedHashMap<>();
        JsonNode data = eventJson.get("data");
        if (data != null && data.isObject()) {
            data.fields().forEachRemaining(field -> variables.put(field.getKey(), toValue(field.getValue())));
        }
        Object cloudevent = toValue(eventJson);
        variables.put("cloudevent", cloudevent);
        // OnCall's payload carries its own event ({type, time}); its templates read {{ event.type }} from it.
        if (variables.get("event") == null) {
            variables.put("event", cloudevent);
        }
        return new TemplateContext(variables);
    }

    /** A context of plain variables (tests, previews of a bare template). */
    public static TemplateContext of(Map<String, Object> variables) {
        return new TemplateContext(new LinkedHashMap<>(variables));
    }

    Map<String, Object> variables() {
        return variables;
    }

    static Object toValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), toValue(field.getValue())));
            return new PyMap(Collections.unmodifiableMap(map));
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toValue(element)));
            return new PyList(Collections.unmodifiableList(list));
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
