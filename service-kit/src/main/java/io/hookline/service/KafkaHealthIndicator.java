package io.hookline.service;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /health} answers 200 only while every Kafka component of the service is running. */
@Singleton
public final class KafkaHealthIndicator extends AbstractHealthIndicator<Map<String, String>> {

    private final List<KafkaComponent> components;

    public KafkaHealthIndicator(List<KafkaComponent> components) {
        this.components = components;
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean allRunning = true;
        for (KafkaComponent component : components) {
            boolean running = component.isRunning();
            allRunning &= running;
            states.put(component.componentName(), running ? "running" : "not running");
        }
        healthStatus = allRunning ? HealthStatus.UP : HealthStatus.DOWN;
        return states;
    }

    @Override
    protected String getName() {
        return "kafka";
    }
}
