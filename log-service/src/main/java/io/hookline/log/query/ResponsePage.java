package io.hookline.log.query;

import java.util.List;

/** One page of attempts and how many attempts match in all. */
public record ResponsePage(List<ResponseItem> items, long count, PageRequest request) {

    public ResponsePage {
        items = List.copyOf(items);
    }

    /** At least one page, as Django REST framework (and so OnCall) counts an empty list. */
    public long totalPages() {
        return Math.max(1, (count + request.pageSize() - 1) / request.pageSize());
    }

    public boolean hasNext() {
        return request.page() < totalPages();
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }
}
