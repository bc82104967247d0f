package io.hookline.testkit;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * The secured listeners of the in-process test broker, besides its plaintext one: SASL/SCRAM-SHA-512 (without
 * TLS) and TLS (server authentication by {@link #certificate()}). Both reach the same topics as the plaintext
 * listener, so a test can set things up in plaintext and run a service secured.
 *
 * @param plaintextBootstrapServers where users and topics are managed
 * @param saslBootstrapServers      the SASL_PLAINTEXT listener, mechanism SCRAM-SHA-512
 * @param tlsBootstrapServers       the SSL listener
 * @param certificate               the TLS listener's certificate, which is its own CA
 */
public record SecuredListeners(String plaintextBootstrapServers, String saslBootstrapServers,
                               String tlsBootstrapServers, SelfSignedCertificate certificate) {

    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    /** Creates (or changes) a SCRAM user of the SASL listener. */
    public void createScramUser(String user, String password) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                plaintextBootstrapServers))) {
            admin.alterUserScramCredentials(java.util.List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create SCRAM user " + user, e);
        }
    }

    /** Client properties for the SASL listener (bootstrap servers not included). */
    public static Map<String, String> scramClient(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", SCRAM_MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }
}
