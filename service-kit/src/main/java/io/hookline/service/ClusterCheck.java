package io.hookline.service;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Asks the cluster who it is, once, at start. Kafka clients retry a refused login or an unreachable broker forever,
 * with a warning each time; a service should instead stop at once and say what is wrong.
 */
final class ClusterCheck {

    private final KafkaConnection connection;
    private final Duration timeout;

    ClusterCheck(KafkaConnection connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    void verify(Admin admin) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("Interrupted while connecting to Kafka", e);
        } catch (ExecutionException e) {
            throw explain(e.getCause());
        } catch (TimeoutException e) {
            throw explain(e);
        }
    }

    private KafkaUnavailableException explain(Throwable cause) {
        String where = "Kafka at " + connection.bootstrapServers() + " (security.protocol="
                + connection.properties().getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT") + ")";
        if (cause instanceof SslAuthenticationException) {
            return new KafkaUnavailableException("The TLS handshake with " + where + " failed: " + cause.getMessage()
                    + ". Check hookline.kafka.properties: ssl.truststore.* (the cluster's CA) and, for mutual TLS,"
                    + " ssl.keystore.*", cause);
        }
        if (cause instanceof AuthenticationException) {
            return new KafkaUnavailableException(where + " refused this service's credentials: " + cause.getMessage()
                    + ". Check hookline.kafka.properties: sasl.mechanism and sasl.jaas.config", cause);
        }
        if (cause instanceof AuthorizationException) {
            return new KafkaUnavailableException(where + " accepted the credentials but refused to describe the"
                    + " cluster: " + cause.getMessage() + ". The service's principal needs the ACLs the README lists",
                    cause);
        }
        if (cause instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return new KafkaUnavailableException("No broker of " + where + " answered within " + timeout
                    + " (hookline.kafka.connect-timeout). Check hookline.kafka.bootstrap-servers, and that"
                    + " security.protocol matches the listener", cause);
        }
        return new KafkaUnavailableException("Cannot connect to " + where + ": " + cause, cause);
    }
}
