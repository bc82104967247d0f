package io.hookline.config.api;

import java.util.List;

/** One page of a list, in Grafana OnCall's (Django REST framework's) shape; next and previous are URLs or null. */
public record Page<T>(
        String next,
        String previous,
        List<T> results,
        int pageSize,
        int count,
        int currentPageNumber,
        int totalPages) {
}
