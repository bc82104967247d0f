package io.hookline.contracts.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonCloudEventData;
import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A CloudEvent read by the SDK, as Hookline's {@link DomainEvent}: every attribute and extension kept, the data as JSON
 * when its content type says JSON (or says nothing), as text for {@code text/*}, else as bytes.
 */
final class CloudEventMapping {

    private static final String TENANT = "tenant";

    private CloudEventMapping() {
    }

    static DomainEvent toDomainEvent(CloudEvent event) throws InvalidEventException {
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new InvalidEventException("unsupported_specversion",
                    "specversion must be \"1.0\", was \"" + event.getSpecVersion() + "\"");
        }
        Set<String> names = event.getExtensionNames();
        Map<String, Object> extensions = names.isEmpty() ? Map.of() : new LinkedHashMap<>();
        String tenant = null;
        for (String name : names) {
            Object value = event.getExtension(name);
            if (TENANT.equals(name)) {
                tenant = value == null ? null : value.toString();
            } else if (value != null) {
                extensions.put(name, value);
            }
        }
        String contentType = event.getDataContentType();
        return new DomainEvent(SpecVersion.V1.toString(), event.getId(), event.getSource().toString(),
                event.getType(), Rfc3339.format(event.getTime()),
                event.getSubject(), tenant, contentType, data(event.getData(), contentType),
                event.getDataSchema() == null ? null : event.getDataSchema().toString(), extensions);
    }

    private static JsonNode data(CloudEventData data, String contentType) throws InvalidEventException {
        if (data == null) {
            return null;
        }
        if (data instanceof JsonCloudEventData json) {
            return json.getNode();
        }
        byte[] bytes = data.toBytes();
        if (isJson(contentType)) {
            try {
                return Json.MAPPER.readTree(bytes);
            } catch (IOException e) {
                if (contentType != null) {
                    throw new InvalidEventException("invalid_json", "data is not JSON: " + e.getMessage());
                }
                // No content type at all: JSON is only the default guess, and bytes are kept as bytes.
                return JsonNodeFactory.instance.binaryNode(bytes);
            }
        }
        if (contentType.startsWith("text/")) {
            String text = utf8(bytes);
            if (text != null) {
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        return JsonNodeFactory.instance.binaryNode(bytes);
    }

    /** The CloudEvents rule: no content type means JSON; {@code +json} suffixes are JSON too. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json");
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
