package io.hookline.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.testkit.SecuredListeners;
import io.hookline.testkit.SharedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four services as processes against a secured cluster: one run over SASL/SCRAM with the client properties as
 * configuration keys, one over TLS with them as environment variables. Each delivers an event end to end, and no
 * service writes the password to its log.
 */
class SecuredKafkaIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String EVENT = """
            {"specversion":"1.0","id":"evt-secured","source":"/incidents","type":"incident.triggered",
             "subject":"INC-9","data":{"incident":{"id":"INC-9","title":"DB down"}}}""";

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final List<ServiceProcess> services = new ArrayList<>();
    private final String adminToken = "admin-" + UUID.randomUUID();
    private SecuredListeners secured;
    private Path dataDir;

    @BeforeEach
    void start() throws IOException {
        receiver.start();
        receiver.stubFor(post("/hooks/secured").willReturn(aResponse().withStatus(200)));
        secured = SharedKafka.secured();
        dataDir = Files.createTempDirectory("hookline-secured");
    }

    @AfterEach
    void stop() {
        services.forEach(ServiceProcess::close);
        receiver.stop();
    }

    @Test
    void shouldDeliverOverSaslScramWithThePropertiesInConfiguration() throws Exception {
        String password = "scram-" + UUID.randomUUID();
        secured.createScramUser("hookline", password);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hookline.kafka.bootstrap-servers", secured.saslBootstrapServers());
        SecuredListeners.scramClient("hookline", password)
                .forEach((name, value) -> properties.put("hookline.kafka.properties." + name, value));

        Map<Service, String> urls = startServices(properties, Map.of());

        assertDelivered(urls);
        assertNoLogContains(password);
    }

    @Test
    void shouldDeliverOverTlsWithThePropertiesAsEnvironmentVariables() throws Exception {
        Path ca = dataDir.resolve("cluster-ca.crt");
        Files.writeString(ca, secured.certificate().certificate());
        Map<String, String> environment = Map.of(
                "HOOKLINE_KAFKA_BOOTSTRAP_SERVERS", secured.tlsBootstrapServers(),
                "HOOKLINE_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SSL",
                "HOOKLINE_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE", "PEM",
                "HOOKLINE_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", ca.toString());

        Map<Service, String> urls = startServices(Map.of(), environment);

        assertDelivered(urls);
    }

    private Map<Service, String> startServices(Map<String, String> kafka, Map<String, String> environment)
            throws IOException, InterruptedException {
        LocalSettings ports = FreePorts.settings(dataDir);
        String prefix = SharedKafka.uniqueName("secured") + ".";
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Map<Service, String> urls = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            Map<String, String> properties = new LinkedHashMap<>(kafka);
            properties.put("hookline.kafka.topic-prefix", prefix);
            properties.put("hookline.kafka.partitions", "2");
            properties.put("hookline.auth.admin-token", adminToken);
            properties.put("hookline.secrets.key", Base64.getEncoder().encodeToString(key));
            properties.put("hookline.local-mode", "true");
            properties.put("hookline.dispatcher.ssrf.enabled", "false");
            properties.put("hookline.matcher.state-dir", dataDir.resolve("state/matcher").toString());
            properties.put("hookline.log.state-dir", dataDir.resolve("state/log").toString());
            Path jar = ports.home().resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
            ServiceProcess process = ServiceProcess.start(service, jar, ports.port(service), properties, environment,
                    dataDir.resolve("logs").resolve(service.module() + ".log"));
            services.add(process);
            urls.put(service, process.url());
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(TIMEOUT);
        }
        return urls;
    }

    private void assertDelivered(Map<Service, String> urls) {
        HooklineApi api = new HooklineApi(adminToken);
        HooklineApi.Reply created = api.post(urls.get(Service.CONFIG) + "/api/v1/webhooks/", """
                {"name":"secured","url":"%s","event_types":["incident.triggered"]}"""
                .formatted(receiver.baseUrl() + "/hooks/secured"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String webhookId = created.json().get("id").asText();

        HooklineApi.Reply accepted = api.post(urls.get(Service.CONFIG) + "/api/v1/events", EVENT);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                receiver.findAll(postRequestedFor(urlEqualTo("/hooks/secured")))).hasSize(1));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            HooklineApi.Reply responses = api.get(urls.get(Service.LOG) + "/api/v1/webhooks/" + webhookId
                    + "/responses");
            assertThat(responses.status()).as(responses.text()).isEqualTo(200);
            JsonNode results = responses.json().get("results");
            assertThat(results).as(responses.text()).singleElement()
                    .satisfies(result -> assertThat(result.get("outcome").asText()).isEqualTo("succeeded"));
        });
    }

    private void assertNoLogContains(String secret) throws IOException {
        for (ServiceProcess service : services) {
            assertThat(Files.readString(service.logFile())).as(service.logFile().toString())
                    .contains("Kafka clients connect to")
                    .doesNotContain(secret);
        }
    }
}
