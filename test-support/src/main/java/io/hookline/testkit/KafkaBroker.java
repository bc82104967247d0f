package io.hookline.testkit;

/** A running broker that tests can reach. */
interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
