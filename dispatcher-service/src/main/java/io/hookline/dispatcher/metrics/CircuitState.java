package io.hookline.dispatcher.metrics;

/** The states a circuit is counted in; Resilience4j's disabled and forced states count as what they behave like. */
public enum CircuitState {
    CLOSED("closed"),
    HALF_OPEN("half_open"),
    OPEN("open");

    private final String label;

    CircuitState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
