package io.hookline.service;

/** The service cannot work with the Kafka cluster it was given; the message says what to check. */
public final class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
