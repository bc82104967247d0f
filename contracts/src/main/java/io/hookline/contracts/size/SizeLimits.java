package io.hookline.contracts.size;

/**
 * Every size Hookline holds its records to, derived from one setting: the largest event it accepts, E
 * ({@code hookline.events.max-bytes}, default 1 MiB as CONTRACT.md section 4 says).
 * <ul>
 *   <li>A job carries the event twice as JSON strings ({@code body} and {@code event_data}, at most 2E each once
 *   escaped) or once plus a rendered body of at most E characters (3E bytes escaped), so an event of E gives a job
 *   of at most 5E plus its headers and ids.</li>
 *   <li>{@link #recordMaxBytes()}, M = 8E (never below 1 MiB): every producer's {@code max.request.size} and every
 *   topic's {@code max.message.bytes}. The broker takes it whatever its own {@code message.max.bytes}: the topic
 *   setting overrides it. E is at most 8 MiB, so M stays under a broker's {@code socket.request.max.bytes}.</li>
 *   <li>{@link #jobMaxBytes()}, M minus 64 KiB: the largest job the matcher writes; the rest is room for what a
 *   retry or a dead letter adds (last error, due time, reason).</li>
 *   <li>{@link #ATTEMPT_MAX_BYTES}: an attempt record (64 KiB bodies, capped headers), small enough for the
 *   log-service's changelog topics, which Kafka Streams creates with the broker's default limit of 1 MiB.</li>
 * </ul>
 */
public record SizeLimits(int eventMaxBytes) {

    public static final int DEFAULT_EVENT_MAX_BYTES = 1024 * 1024;
    public static final int MIN_EVENT_MAX_BYTES = 1024;
    public static final int MAX_EVENT_MAX_BYTES = 8 * 1024 * 1024;
    public static final int ATTEMPT_MAX_BYTES = 512 * 1024;
    public static final int JOB_HEADROOM_BYTES = 64 * 1024;
    /** Request and response bodies and the copy of the event in an attempt record (CONTRACT.md section 6). */
    public static final int BODY_CAP_BYTES = 64 * 1024;
    /** The longest error text a record carries, in UTF-8 bytes. */
    public static final int ERROR_MAX_BYTES = 2048;
    public static final SizeLimits DEFAULT = new SizeLimits(DEFAULT_EVENT_MAX_BYTES);

    private static final int RECORD_FACTOR = 8;
    private static final int MIN_RECORD_MAX_BYTES = 1024 * 1024;

    public SizeLimits {
        if (eventMaxBytes < MIN_EVENT_MAX_BYTES || eventMaxBytes > MAX_EVENT_MAX_BYTES) {
            throw new IllegalArgumentException("the event size limit must be between " + MIN_EVENT_MAX_BYTES
                    + " and " + MAX_EVENT_MAX_BYTES + " bytes, was " + eventMaxBytes);
        }
    }

    /** The longest output of a template (a rendered body or header value). */
    public int renderMaxChars() {
        return eventMaxBytes;
    }

    public int recordMaxBytes() {
        return Math.max(RECORD_FACTOR * eventMaxBytes, MIN_RECORD_MAX_BYTES);
    }

    public int jobMaxBytes() {
        return recordMaxBytes() - JOB_HEADROOM_BYTES;
    }

    /** A record of {@code bytes} (its value; key and headers are small) that would exceed the record limit. */
    public boolean exceedsRecord(long bytes) {
        return bytes > jobMaxBytes();
    }
}
