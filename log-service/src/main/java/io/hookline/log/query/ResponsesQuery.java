package io.hookline.log.query;

import io.hookline.log.store.IndexedAttempt;
import io.hookline.log.store.LogStoreView;
import java.util.ArrayList;
import java.util.List;

/**
 * Newest-first pages of one webhook's attempts. The filters are checked on the small index entries; only the
 * attempts on the requested page are read whole.
 */
public final class ResponsesQuery {

    private final TimeBounds bounds;

    public ResponsesQuery(TimeBounds bounds) {
        this.bounds = bounds;
    }

    public ResponsePage page(LogStoreView view, String webhookId, ResponseFilter filter, PageRequest request) {
        List<IndexedAttempt> onPage = new ArrayList<>(request.pageSize());
        long[] matching = {0};
        view.scanNewestFirst(webhookId, bounds.from(filter.from()), bounds.to(filter.to()), attempt -> {
            if (filter.matches(attempt.entry())) {
                long position = matching[0]++;
                if (position >= request.offset() && onPage.size() < request.pageSize()) {
                    onPage.add(attempt);
                }
            }
            return true;
        });
        List<ResponseItem> items = new ArrayList<>(onPage.size());
        for (IndexedAttempt attempt : onPage) {
            view.attempt(webhookId, attempt).map(ResponseItem::of).ifPresent(items::add);
        }
        return new ResponsePage(items, matching[0], request);
    }
}
