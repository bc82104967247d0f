package io.hookline.log.redelivery;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.log.query.TimeBounds;
import io.hookline.log.store.IndexedAttempt;
import io.hookline.log.store.LogStoreView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which deliveries of a webhook a recovery re-sends: those whose newest attempt since {@code since} failed or went
 * dead. A delivery that later succeeded, or is still retrying, is left alone.
 */
public final class RecoveryPlanner {

    private final TimeBounds bounds;

    public RecoveryPlanner(TimeBounds bounds) {
        this.bounds = bounds;
    }

    /** The newest attempt of each delivery to re-send, newest delivery first. */
    public List<DeliveryAttempt> failedSince(LogStoreView view, String webhookId, Instant since) {
        Set<String> decided = new HashSet<>();
        List<IndexedAttempt> failed = new ArrayList<>();
        view.scanNewestFirst(webhookId, bounds.from(since), bounds.now(), attempt -> {
            if (decided.add(attempt.entry().deliveryId())
                    && (attempt.entry().outcome() == Outcome.FAILED || attempt.entry().outcome() == Outcome.DEAD)) {
                failed.add(attempt);
            }
            return true;
        });
        List<DeliveryAttempt> attempts = new ArrayList<>(failed.size());
        for (IndexedAttempt attempt : failed) {
            view.attempt(webhookId, attempt).ifPresent(attempts::add);
        }
        return attempts;
    }
}
