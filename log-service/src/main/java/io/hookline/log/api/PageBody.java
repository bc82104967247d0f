package io.hookline.log.api;

import io.hookline.log.cluster.Forwarder;
import io.hookline.log.query.ResponseItem;
import io.hookline.log.query.ResponsePage;
import io.micronaut.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** A page as Grafana OnCall lists it, with absolute next and previous links. */
record PageBody(String next, String previous, List<ResponseItem> results, int pageSize, long count,
                int currentPageNumber, long totalPages) {

    static PageBody of(ResponsePage page, HttpRequest<?> request) {
        int current = page.request().page();
        return new PageBody(
                page.hasNext() ? link(request, current + 1) : null,
                page.hasPrevious() ? link(request, current - 1) : null,
                page.items(), page.request().pageSize(), page.count(), current, page.totalPages());
    }

    private static String link(HttpRequest<?> request, int page) {
        StringJoiner query = new StringJoiner("&", "?", "");
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            if (!parameter.getKey().equals("page")) {
                for (String value : parameter.getValue()) {
                    query.add(encode(parameter.getKey()) + "=" + encode(value));
                }
            }
        }
        query.add("page=" + page);
        return Forwarder.publicScheme(request) + "://" + Forwarder.publicHost(request) + request.getPath() + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
