package io.hookline.service;

import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The extra Kafka client properties every client of a service takes (security, SASL, TLS, tuning): configuration
 * keys {@code hookline.kafka.properties.<kafka property>}, and environment variables
 * {@code HOOKLINE_KAFKA_PROPERTIES_<NAME>} where NAME is the property upper-cased with {@code .} written {@code _},
 * {@code _} written {@code __} and {@code -} written {@code ___} (the convention of the Confluent images).
 */
public final class KafkaClientProperties {

    static final String CONFIG_PREFIX = "hookline.kafka.properties.";
    static final String ENVIRONMENT_PREFIX = "HOOKLINE_KAFKA_PROPERTIES_";

    private KafkaClientProperties() {
    }

    /**
     * The properties from every configuration source, environment variables last (they win, as they do for every
     * other setting). Micronaut's own reading of environment variables is skipped: it cannot tell
     * {@code security.protocol} from {@code security-protocol}.
     */
    public static Map<String, String> from(Environment environment, Map<String, String> variables) {
        Map<String, String> properties = new TreeMap<>(fromConfiguration(environment.getPropertySources()));
        properties.putAll(fromEnvironment(variables));
        return properties;
    }

    static Map<String, String> fromConfiguration(Collection<PropertySource> sources) {
        Map<String, String> properties = new TreeMap<>();
        sources.stream()
                .filter(source -> source.getConvention() != PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE)
                .sorted(Comparator.comparingInt(PropertySource::getOrder))
                .forEach(source -> {
                    for (String key : source) {
                        Object value = source.get(key);
                        if (key.startsWith(CONFIG_PREFIX) && value != null && !(value instanceof Map)) {
                            properties.put(key.substring(CONFIG_PREFIX.length()), text(value));
                        }
                    }
                });
        return properties;
    }

    static Map<String, String> fromEnvironment(Map<String, String> variables) {
        Map<String, String> properties = new TreeMap<>();
        variables.forEach((name, value) -> {
            if (name.startsWith(ENVIRONMENT_PREFIX) && name.length() > ENVIRONMENT_PREFIX.length()) {
                properties.put(propertyName(name.substring(ENVIRONMENT_PREFIX.length())), value);
            }
        });
        return properties;
    }

    /** {@code SASL_JAAS_CONFIG} is {@code sasl.jaas.config}; {@code __} is {@code _}, {@code ___} is {@code -}. */
    static String propertyName(String variable) {
        StringBuilder name = new StringBuilder(variable.length());
        int i = 0;
        while (i < variable.length()) {
            char c = variable.charAt(i);
            if (c != '_') {
                name.append(Character.toLowerCase(c));
                i++;
                continue;
            }
            int run = 0;
            while (i < variable.length() && variable.charAt(i) == '_') {
                run++;
                i++;
            }
            name.append(switch (run) {
                case 1 -> ".";
                case 2 -> "_";
                case 3 -> "-";
                default -> throw new IllegalArgumentException("Environment variable " + ENVIRONMENT_PREFIX + variable
                        + " has " + run + " underscores in a row: write . as _, _ as __ and - as ___");
            });
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
