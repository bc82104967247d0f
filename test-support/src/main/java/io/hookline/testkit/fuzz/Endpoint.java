package io.hookline.testkit.fuzz;

import java.util.List;

/**
 * One endpoint to fuzz: its method, its path ({@code {id}} stands for a path variable), the query parameters it reads,
 * the body fields it knows (empty for endpoints without a body), and the id to put in its path (null: the run's).
 */
public record Endpoint(String method, String path, List<String> queryNames, List<String> bodyFields, String id) {

    public Endpoint {
        queryNames = List.copyOf(queryNames);
        bodyFields = List.copyOf(bodyFields);
    }

    public static Endpoint of(String method, String path) {
        return new Endpoint(method, path, List.of(), List.of(), null);
    }

    public Endpoint query(String... names) {
        return new Endpoint(method, path, List.of(names), bodyFields, id);
    }

    public Endpoint body(String... fields) {
        return new Endpoint(method, path, queryNames, List.of(fields), id);
    }

    /** The same endpoint, always called with this id (e.g. a webhook that must stay disabled). */
    public Endpoint withId(String fixedId) {
        return new Endpoint(method, path, queryNames, bodyFields, fixedId);
    }

    public boolean hasBody() {
        return !bodyFields.isEmpty();
    }

    /** The path with its variable set to this endpoint's id, else to {@code runId}. */
    public String pathWith(String runId) {
        return path.replace("{id}", id != null ? id : runId);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
