package io.hookline.config.api;

import io.hookline.config.error.ProblemException;
import io.hookline.config.validation.FieldErrors;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriBuilder;
import java.util.List;
import java.util.function.Function;

/** {@code ?page=N&page_size=M}: pages count from 1, 50 items by default, at most 500. */
public record PageRequest(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    public static PageRequest of(String page, String pageSize) {
        FieldErrors errors = new FieldErrors();
        int number = parse("page", page, 1, Integer.MAX_VALUE, 1, errors);
        int size = parse("page_size", pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors);
        errors.throwIfAny();
        return new PageRequest(number, size);
    }

    /** The page of {@code all} this request asks for, with links to its neighbours; 404 past the last page. */
    public <T, R> Page<R> slice(List<T> all, Function<T, R> mapping, HttpRequest<?> request) {
        int totalPages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        if (page > totalPages) {
            throw ProblemException.notFound("Page " + page + " (there are " + totalPages + ")");
        }
        int from = (page - 1) * pageSize;
        List<R> results = all.subList(from, Math.min(all.size(), from + pageSize)).stream().map(mapping).toList();
        return new Page<>(page < totalPages ? link(request, page + 1) : null, page > 1 ? link(request, page - 1) : null,
                results, pageSize, all.size(), page, totalPages);
    }

    private String link(HttpRequest<?> request, int target) {
        UriBuilder uri = UriBuilder.of(request.getUri()).replaceQueryParam("page", target);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String relative = uri.build().toString();
        return host == null ? relative : (request.isSecure() ? "https://" : "http://") + host + relative;
    }

    private static int parse(String field, String value, int min, int max, int fallback, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            errors.add(field, "must be a whole number, was \"" + value + "\"");
            return fallback;
        }
        errors.add(field, "must be between " + min + " and " + max + ", was " + value);
        return fallback;
    }
}
