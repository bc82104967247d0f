package io.hookline.config.support;

import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.testkit.SharedKafka;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** A config-service on a random port, on the shared test broker, with its own topic prefix unless given one. */
public final class ConfigServiceInstance implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private final EmbeddedServer server;
    private final String prefix;
    private final String secretsKey;

    private ConfigServiceInstance(String prefix, String secretsKey, Map<String, Object> extra) {
        this.prefix = prefix;
        this.secretsKey = secretsKey;
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        properties.put("hookline.kafka.topic-prefix", prefix);
        properties.put("hookline.kafka.partitions", 2);
        properties.put("hookline.auth.admin-token", ADMIN_TOKEN);
        properties.put("hookline.secrets.key", secretsKey);
        // Tests fire bursts with the admin token faster than the default limits allow; RateLimitTest sets its own.
        properties.put("hookline.api.rate-limit.writes-per-second", 0);
        properties.put("hookline.api.rate-limit.events-per-second", 0);
        properties.putAll(extra);
        this.server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    public static ConfigServiceInstance start(String testName) {
        return start(testName, Map.of());
    }

    /** An instance with {@code extra} settings on top of the test defaults. */
    public static ConfigServiceInstance start(String testName, Map<String, Object> extra) {
        return new ConfigServiceInstance(SharedKafka.uniqueName(testName) + ".", SecretCipher.generateBase64Key(),
                extra);
    }

    /** Another instance of the same installation: same topics, same secrets key. */
    public ConfigServiceInstance sibling() {
        return sibling(Map.of());
    }

    /** Another instance of the same installation with {@code extra} settings, such as other secrets keys. */
    public ConfigServiceInstance sibling(Map<String, Object> extra) {
        return new ConfigServiceInstance(prefix, secretsKey, extra);
    }

    public ApiClient client() {
        return new ApiClient(server.getURI().toString());
    }

    public ApiClient admin() {
        return client().withToken(ADMIN_TOKEN);
    }

    public String prefix() {
        return prefix;
    }

    public String secretsKey() {
        return secretsKey;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
