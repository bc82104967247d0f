package io.hookline.rules.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A dotted path into an event ({@code type}, {@code data.service.name}, {@code data.tags.env}). A numeric segment
 * indexes an array ({@code data.alerts.0.status}); any other segment applied to an array reaches into every element,
 * so {@code data.alerts.status} yields the status of each alert.
 */
public final class FieldPath {

    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

    private final String text;
    private final String[] segments;

    private FieldPath(String text) {
        this.text = text;
        this.segments = text.split("\\.", -1);
    }

    /** A path, or an exception naming the problem when the text is blank or has an empty segment. */
    public static FieldPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("field must be a non-empty dotted path");
        }
        FieldPath path = new FieldPath(text.trim());
        for (String segment : path.segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("field \"" + text + "\" has an empty segment");
            }
        }
        return path;
    }

    /** Every non-null value found at this path, in document order; empty when the path does not exist. */
    public List<JsonNode> resolve(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (String segment : segments) {
            List<JsonNode> next = new ArrayList<>(current.size());
            for (JsonNode node : current) {
                step(node, segment, next);
            }
            if (next.isEmpty()) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private static void step(JsonNode node, String segment, List<JsonNode> out) {
        if (node.isObject()) {
            addIfPresent(node.get(segment), out);
        } else if (node.isArray()) {
            if (INDEX.matcher(segment).matches()) {
                addIfPresent(node.get(Integer.parseInt(segment)), out);
            } else {
                for (JsonNode element : node) {
                    if (element.isObject()) {
                        addIfPresent(element.get(segment), out);
                    }
                }
            }
        }
    }

    private static void addIfPresent(JsonNode value, List<JsonNode> out) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            out.add(value);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
