package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.delivery.AttemptPostponed;
import io.hookline.dispatcher.delivery.AttemptResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The attempt function of a lane under test: every call is kept, and the test decides how each one ends. */
final class FakeAttempts implements Attempts {

    record Call(DeliveryJob job, CompletableFuture<AttemptResult> result, Runnable answered) {

        /** The endpoint answered; the outcome is not written yet. */
        void answer() {
            answered.run();
        }

        void succeed() {
            result.complete(new AttemptResult(Outcome.SUCCEEDED, true, false, 1, null));
        }

        void failWithRetryAt(Instant dueAt) {
            result.complete(new AttemptResult(Outcome.RETRYING, true, true, 1, dueAt));
        }

        /** The webhook view has not applied the job's version yet: nothing was sent or written. */
        void postpone() {
            result.completeExceptionally(new AttemptPostponed("the webhook view lags", null));
        }

        /** The outcome could not be written (a broker that refuses the write): the lane must try again. */
        void failToRecord() {
            result.completeExceptionally(new IllegalStateException("broker refused the write"));
        }
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<AttemptResult> attempt(DeliveryJob job, Runnable answered) {
        Call call = new Call(job, new CompletableFuture<>(), answered);
        calls.add(call);
        return call.result();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized Call call(int index) {
        return calls.get(index);
    }

    synchronized List<String> sentIds() {
        return calls.stream().map(call -> call.job().deliveryId()).toList();
    }

    synchronized Call last() {
        return calls.get(calls.size() - 1);
    }
}
