package io.hookline.matcher.freshness;

import java.time.Duration;
import java.util.Map;

/** What the freshness gate needs of the matcher's webhook view. */
public interface ConfigProgress {

    /**
     * {@code webhook-config}'s committed end offset of every partition, asked of Kafka now; fails with a
     * RuntimeException when Kafka does not answer.
     */
    Map<Integer, Long> committedEndOffsets();

    /** Waits until the view has applied everything below {@code offsets}; false on timeout or when it stopped. */
    boolean awaitApplied(Map<Integer, Long> offsets, Duration timeout);

    /** False once the view's thread has died: it no longer follows the topic. */
    boolean isReading();

    /** The topics this view follows, for messages. */
    default String topics() {
        return "webhook-config";
    }
}
