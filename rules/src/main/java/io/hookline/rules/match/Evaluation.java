package io.hookline.rules.match;

/** What one webhook does with one event ({@link WebhookEvaluator}). */
public sealed interface Evaluation {

    Evaluation SKIPPED = new Skipped();

    /** The webhook does not fire on the event. */
    record Skipped() implements Evaluation {
    }

    /** The webhook fires: this request goes to each of its URLs. */
    record Send(RenderedRequest request) implements Evaluation {
    }

    /** The webhook could not be decided or rendered for the event. */
    record Failed(RenderFailure failure) implements Evaluation {
    }
}
