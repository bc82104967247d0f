package io.hookline.service;

/** A Kafka client or Streams instance of a service; the service is healthy only while every one is running. */
public interface KafkaComponent {

    String componentName();

    boolean isRunning();
}
