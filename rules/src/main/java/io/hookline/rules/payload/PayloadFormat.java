package io.hookline.rules.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.event.DomainEvent;
import java.util.Map;

/**
 * The three {@code payload_format}s of CONTRACT.md section 5. An event's data that is neither JSON nor text (it
 * travels as {@code data_base64}) cannot be a body here, since request bodies are text from the job to the attempt
 * log; such an event goes out as the structured CloudEvent whatever the format, which the CloudEvents HTTP binding
 * allows a sender to choose.
 */
public enum PayloadFormat {

    /** The CloudEvent as structured JSON: the default. */
    CLOUDEVENT("cloudevent"),
    /** The event's {@code data} alone, with its {@code datacontenttype}. */
    DATA("data"),
    /** CloudEvents HTTP binary mode: {@code data} as the body, every other attribute as a {@code ce-*} header. */
    CLOUDEVENT_BINARY("cloudevent_binary");

    static final String CONTENT_TYPE = "Content-Type";
    static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    private final String id;

    PayloadFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The format a webhook names; null and unknown names (configs older than validation) are the default. */
    public static PayloadFormat of(String id) {
        for (PayloadFormat format : values()) {
            if (format.id.equals(id)) {
                return format;
            }
        }
        return CLOUDEVENT;
    }

    /** @param structuredJson the event as structured JSON ({@link DomainEvent#toJson()}), which callers cache */
    public StandardPayload render(DomainEvent event, String structuredJson) {
        JsonNode data = event.data();
        if (this == CLOUDEVENT || (data != null && data.isBinary())) {
            // An explicit content type only where the default (application/json) would be wrong.
            return new StandardPayload(structuredJson,
                    this == CLOUDEVENT ? Map.of() : Map.of(CONTENT_TYPE, STRUCTURED_CONTENT_TYPE));
        }
        if (this == DATA) {
            String contentType = event.datacontenttype();
            return new StandardPayload(dataText(data, contentType),
                    contentType == null ? Map.of() : Map.of(CONTENT_TYPE, contentType));
        }
        return BinaryMode.write(structuredJson);
    }

    /**
     * The data as the body: JSON as JSON, text ({@code text/*} data, which the parser keeps as a string) as itself,
     * no data as an empty body.
     */
    static String dataText(JsonNode data, String contentType) {
        if (data == null) {
            return "";
        }
        return data.isTextual() && !isJson(contentType) ? data.textValue() : Json.toString(data);
    }

    /** The CloudEvents rule: no content type means JSON; {@code +json} suffixes are JSON too. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim()
                .toLowerCase(java.util.Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json");
    }
}
