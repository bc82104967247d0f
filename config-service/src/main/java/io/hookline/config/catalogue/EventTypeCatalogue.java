package io.hookline.config.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.hookline.contracts.json.Json;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The event types Hookline knows out of the box, with a sample payload each, read once from the class path. */
@Singleton
public final class EventTypeCatalogue {

    static final String RESOURCE = "/catalogue/event-types.json";

    private final List<EventType> types;

    public EventTypeCatalogue() {
        try (InputStream in = EventTypeCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            this.types = List.copyOf(Json.MAPPER.readValue(in, new TypeReference<List<EventType>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public List<EventType> all() {
        return types;
    }

    public Optional<EventType> find(String type) {
        return types.stream().filter(entry -> entry.type().equals(type)).findFirst();
    }
}
