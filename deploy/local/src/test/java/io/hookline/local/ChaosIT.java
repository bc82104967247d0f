package io.hookline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md section 8 on real processes: every event accepted into {@code domain-events} reaches every matching
 * endpoint at least once, duplicates carry the same {@code webhook-id}, and an {@code ordering: subject} endpoint gets
 * each subject's events in order, although each of the four services is killed with {@code kill -9} and restarted
 * while deliveries are under way, and the broker restarts while all four run. The endpoints are not all easy: one
 * answers 500 before succeeding (the 10 s retry tier), one is ordered and fails now and then (holds), one is rate
 * limited, one closes kept-alive connections silently when idle, and unanswered as a fourth request arrives on one.
 * Deliveries are told apart by path and event, and their {@code webhook-id}; the attempt log must hold every success
 * and no failure the receivers did not cause. The figures are printed whatever the outcome.
 */
class ChaosIT {

    private static final String PLAIN = "/chaos/plain";
    private static final String FLAKY = "/chaos/flaky";
    private static final String ORDERED = "/chaos/ordered";
    private static final String LIMITED = "/chaos/limited";
    private static final String CLOSING = "/chaos/closing";
    private static final List<String> PATHS = List.of(PLAIN, FLAKY, ORDERED, LIMITED, CLOSING);
    /** Ten subjects of about eight events each: the ordered endpoint works on ten at once, each in order. */
    private static final int SUBJECTS = 10;
    private static final int RATE_PER_SECOND = 5;
    /** Bounds the events posted while the broker restarts (each waits until accepted). */
    private static final int MAX_POSTED_DURING_BROKER_RESTART = 30;
    private static final Duration POST_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Covers a killed consumer's partitions coming back only after its 45 s session timeout, the 10 s retry tier and
     * the subject holds behind it; all is normally delivered well within it.
     */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(150);

    private Receiver receiver;
    private Receiver closing;
    private LocalSettings settings;
    private final DeliveryLedger ledger = new DeliveryLedger(PATHS);
    private final List<String> milestones = new ArrayList<>();
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private int nextSeq;
    private long startNanos;
    private int deliveredAtKill;
    private int expectedAtKill;

    @BeforeEach
    void startReceivers() throws IOException {
        receiver = Receiver.wellBehaved(ChaosIT::answer);
        closing = Receiver.closingConnections(Duration.ofSeconds(1), 3, ChaosIT::answer);
        settings = FreePorts.settings(Files.createTempDirectory("hookline-chaos"));
    }

    @AfterEach
    void stopReceivers() {
        receiver.close();
        closing.close();
    }

    /** The flaky endpoint fails the first attempt of every third event; the ordered one of every seventh. */
    private static int answer(String path, String eventId, int attempt) {
        int seq = eventId != null && eventId.matches("evt-chaos-\\d+")
                ? Integer.parseInt(eventId.substring("evt-chaos-".length())) : -1;
        if (attempt == 1 && (path.equals(FLAKY) && seq % 3 == 0 || path.equals(ORDERED) && seq % 7 == 3)) {
            return 500;
        }
        return 200;
    }

    @Test
    void shouldDeliverEveryAcceptedEventInOrderThroughKilledServicesAndABrokerRestart() throws Exception {
        long started = System.nanoTime();
        startNanos = started;
        try (LocalStack stack = LocalStack.start(settings)) {
            long up = System.nanoTime();
            mark("stack ready");
            HooklineApi api = new HooklineApi(stack.adminToken());
            String config = stack.url(Service.CONFIG);
            Map<String, String> webhooks = new LinkedHashMap<>();
            webhooks.put(PLAIN, createWebhook(api, config, "plain", receiver.url(PLAIN), ""));
            webhooks.put(FLAKY, createWebhook(api, config, "flaky", receiver.url(FLAKY), ""));
            webhooks.put(ORDERED, createWebhook(api, config, "ordered", receiver.url(ORDERED),
                    ",\"ordering\":\"subject\""));
            webhooks.put(LIMITED, createWebhook(api, config, "limited", receiver.url(LIMITED),
                    ",\"rate_limit_per_second\":" + RATE_PER_SECOND));
            webhooks.put(CLOSING, createWebhook(api, config, "closing", closing.url(CLOSING), ""));

            // Given deliveries under way to every endpoint
            postRest(api, config, "at start", 15);
            awaitUnderWay(15);

            // When the broker restarts in the middle of them, while all four services run and events keep coming.
            // Before the kills: the reloaded group coordinator would wait for a member killed earlier for another
            // session timeout (45 s), which would only make the test longer.
            mark("broker restart begins");
            CompletableFuture<Void> brokerRestart = CompletableFuture.runAsync(() -> restartBroker(stack));
            for (int i = 0; i < MAX_POSTED_DURING_BROKER_RESTART && !brokerRestart.isDone(); i++) {
                postRest(api, config, "broker restarting", 1);
            }
            brokerRestart.get(POST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            mark("broker restarted");

            // And each service in turn dies by kill -9 right after events were posted, events keep coming while it
            // is dead (straight to Kafka while config-service is), and it restarts
            postRest(api, config, "before dispatcher kill", 10);
            awaitUnderWay(10);
            stack.kill(Service.DISPATCHER);
            mark("dispatcher killed");
            deliveredAtKill = ledger.expected() - ledger.lost(requests()).size();
            expectedAtKill = ledger.expected();
            postRest(api, config, "dispatcher dead", 10);
            stack.restart(Service.DISPATCHER);
            mark("dispatcher healthy again");

            postRest(api, config, "before matcher kill", 5);
            stack.kill(Service.MATCHER);
            mark("matcher killed");
            postRest(api, config, "matcher dead", 10);
            stack.restart(Service.MATCHER);
            mark("matcher healthy again");

            postRest(api, config, "before config kill", 5);
            stack.kill(Service.CONFIG);
            mark("config killed");
            try (EventProducer producer = new EventProducer(settings.bootstrapServers())) {
                postKafka(producer, "config dead", 10);
            }
            stack.restart(Service.CONFIG);
            mark("config healthy again");

            postRest(api, config, "before log kill", 5);
            stack.kill(Service.LOG);
            mark("log killed");
            postRest(api, config, "log dead", 10);
            stack.restart(Service.LOG);
            mark("log healthy again");
            long posted = System.nanoTime();
            mark("all events posted");

            // Then every accepted event reaches every endpoint, duplicates share a webhook-id, and order holds
            try {
                await().atMost(DELIVERY_TIMEOUT).until(() -> ledger.lost(requests()).isEmpty());
            } catch (ConditionTimeoutException e) {
                // reported and asserted below
            }
            List<Receiver.Request> requests = requests();
            List<String> lost = ledger.lost(requests);
            List<String> duplicates = DeliveryLedger.duplicates(requests);
            List<String> outOfOrder = ledger.outOfOrder(requests, ORDERED);
            List<String> mismatches = DeliveryLedger.webhookIdMismatches(requests);
            int maxPerSecond = DeliveryLedger.maxPerSecond(requests, LIMITED);
            // And the attempt log holds every success, and no failure the receivers did not cause
            Map<String, List<JsonNode>> logged = awaitAttemptLog(api, stack.url(Service.LOG), webhooks, requests);
            List<String> unanswered = failedWithoutAnswer(logged);
            report(stack, requests, lost, duplicates, outOfOrder, mismatches, maxPerSecond,
                    logged, unanswered, new long[] {started, up, posted, System.nanoTime()});

            assertThat(deliveredAtKill).as("the dispatcher was killed while deliveries were under way")
                    .isLessThan(expectedAtKill);
            assertThat(lost).as("lost deliveries").isEmpty();
            assertThat(outOfOrder).as("out-of-order deliveries on the ordered webhook").isEmpty();
            assertThat(mismatches).as("deliveries whose requests carried different webhook-ids").isEmpty();
            assertThat(maxPerSecond).as("requests within one second to the endpoint limited to %d/s",
                    RATE_PER_SECOND).isLessThanOrEqualTo(2 * RATE_PER_SECOND);
            assertThat(logged).as("events with a successful attempt in the log of each webhook")
                    .allSatisfy((path, attempts) -> assertThat(succeededEvents(attempts)).as(path)
                            .containsAll(deliveredEvents(requests, path)));
            assertThat(unanswered).as("attempts logged as failed although the receiver never answered them with an "
                    + "error (CONTRACT.md section 7: a request on a connection the endpoint closed is not an attempt)")
                    .isEmpty();
        }
    }

    /** Waits until the rate-limited endpoint got three of the last {@code batch} events: the rest are on their way. */
    private void awaitUnderWay(int batch) {
        int wanted = ledger.accepted().size() - batch + 3;
        await().atMost(STEP_TIMEOUT).until(() -> deliveredEvents(requests(), LIMITED).size() >= wanted);
    }

    private static String createWebhook(HooklineApi api, String config, String name, String url, String extra) {
        HooklineApi.Reply created = api.post(config + "/api/v1/webhooks/", """
                {"name":"chaos %s","url":"%s","event_types":["incident.*"]%s}""".formatted(name, url, extra));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /**
     * Every logged attempt of each webhook, once log-service (killed and restarted too) shows a successful attempt
     * for every event the receivers answered with a 2xx, or after {@link #STEP_TIMEOUT}.
     */
    private static Map<String, List<JsonNode>> awaitAttemptLog(HooklineApi api, String log,
                                                               Map<String, String> webhooks,
                                                               List<Receiver.Request> requests) {
        Map<String, List<JsonNode>> logged = new LinkedHashMap<>();
        try {
            await().atMost(STEP_TIMEOUT).ignoreExceptions().until(() -> {
                webhooks.forEach((path, id) -> logged.put(path, attempts(api, log, id)));
                return logged.entrySet().stream().allMatch(entry ->
                        succeededEvents(entry.getValue()).containsAll(deliveredEvents(requests, entry.getKey())));
            });
        } catch (ConditionTimeoutException e) {
            // reported and asserted by the caller
        }
        return logged;
    }

    private static List<JsonNode> attempts(HooklineApi api, String log, String webhookId) {
        HooklineApi.Reply reply = api.get(log + "/api/v1/webhooks/" + webhookId + "/responses?page_size=500");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<JsonNode> attempts = new ArrayList<>();
        reply.json().get("results").forEach(attempts::add);
        return attempts;
    }

    private static Set<String> succeededEvents(List<JsonNode> attempts) {
        return attempts.stream().filter(attempt -> attempt.path("outcome").asText().equals("succeeded"))
                .map(attempt -> attempt.path("event_id").asText()).collect(Collectors.toSet());
    }

    private static Set<String> deliveredEvents(List<Receiver.Request> requests, String path) {
        return requests.stream().filter(request -> request.path().equals(path) && request.succeeded())
                .map(Receiver.Request::eventId).collect(Collectors.toSet());
    }

    /** Attempts logged as not succeeded that carry no status: the receivers never failed a request that way. */
    private static List<String> failedWithoutAnswer(Map<String, List<JsonNode>> logged) {
        List<String> failed = new ArrayList<>();
        logged.forEach((path, attempts) -> attempts.stream()
                .filter(attempt -> !attempt.path("outcome").asText().equals("succeeded"))
                .filter(attempt -> attempt.path("status_code").asInt(0) == 0)
                .forEach(attempt -> failed.add("%s %s attempt %s: %s, %s".formatted(path,
                        attempt.path("event_id").asText(), attempt.path("attempt").asText(),
                        attempt.path("outcome").asText(), attempt.path("error").asText()))));
        return failed;
    }

    /** Posts {@code count} events one after the other, each until config-service accepts it, as a producer would. */
    private void postRest(HooklineApi api, String config, String phase, int count) {
        for (int i = 0; i < count; i++) {
            DeliveryLedger.Event event = nextEvent(phase, "REST");
            String json = json(event);
            await().atMost(POST_TIMEOUT).ignoreExceptions()
                    .until(() -> api.post(config + "/api/v1/events", json).status() == 202);
            accepted(event);
        }
    }

    private void postKafka(EventProducer producer, String phase, int count) {
        for (int i = 0; i < count; i++) {
            DeliveryLedger.Event event = nextEvent(phase, "Kafka");
            producer.send(event.subject(), json(event));
            accepted(event);
        }
    }

    private void accepted(DeliveryLedger.Event event) {
        acceptedAt.put(event.id(), System.nanoTime());
        ledger.accepted(event);
    }

    private void mark(String what) {
        milestones.add("%6.1f %s".formatted(sinceStart(System.nanoTime()), what));
    }

    private double sinceStart(long nanos) {
        return (nanos - startNanos) / 1e9;
    }

    private DeliveryLedger.Event nextEvent(String phase, String via) {
        int seq = nextSeq++;
        return new DeliveryLedger.Event("evt-chaos-" + seq, "INC-" + (seq % SUBJECTS), seq, phase, via);
    }

    private static String json(DeliveryLedger.Event event) {
        return """
                {"specversion":"1.0","id":"%s","source":"/incidents","type":"incident.triggered","subject":"%s",
                 "data":{"incident":{"id":"%s","title":"chaos %d"}}}"""
                .formatted(event.id(), event.subject(), event.subject(), event.seq());
    }

    private static void restartBroker(LocalStack stack) {
        try {
            stack.restartBroker();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Receiver.Request> requests() {
        return Stream.concat(receiver.requests().stream(), closing.requests().stream()).toList();
    }

    private long succeeded(String path) {
        return requests().stream().filter(request -> request.path().equals(path) && request.succeeded()).count();
    }

    private void report(LocalStack stack, List<Receiver.Request> requests, List<String> lost, List<String> duplicates,
                        List<String> outOfOrder, List<String> mismatches, int maxPerSecond,
                        Map<String, List<JsonNode>> logged, List<String> unanswered, long[] times) {
        List<DeliveryLedger.Event> accepted = ledger.accepted();
        StringBuilder out = new StringBuilder("\n==== ChaosIT ====\n");
        out.append("runtime: %d s (stack up in %d s, events posted in %d s, then %d s until the end)%n".formatted(
                seconds(times[3] - times[0]), seconds(times[1] - times[0]), seconds(times[2] - times[1]),
                seconds(times[3] - times[2])));
        out.append("events accepted: %d (%s)%n".formatted(accepted.size(), accepted.stream().collect(
                Collectors.groupingBy(event -> event.phase() + " via " + event.via(), LinkedHashMap::new,
                        Collectors.counting()))));
        DeliveryLedger.firstSuccesses(requests).stream().max(Comparator.comparingLong(Receiver.Request::receivedNanos))
                .ifPresent(last -> out.append("last delivery (%s %s, attempt %d) arrived %d s after the last post%n"
                        .formatted(last.path(), last.eventId(), last.attempt(),
                                seconds(last.receivedNanos() - times[2]))));
        out.append("deliveries expected: %d (%d endpoints), delivered: %d, lost: %d%n".formatted(ledger.expected(),
                PATHS.size(), ledger.expected() - lost.size(), lost.size()));
        out.append("requests received: %d, answered 500 on purpose: %d%n".formatted(requests.size(),
                requests.stream().filter(request -> request.status() == 500).count()));
        out.append("deliveries done when the dispatcher was killed: %d of %d expected by then%n".formatted(
                deliveredAtKill, expectedAtKill));
        for (String path : PATHS) {
            List<Receiver.Request> atPath = requests.stream().filter(request -> request.path().equals(path)).toList();
            out.append("  %-15s requests %4d, delivered %3d of %d%n".formatted(path, atPath.size(),
                    atPath.stream().filter(Receiver.Request::succeeded).map(Receiver.Request::eventId).distinct()
                            .count(), accepted.size()));
        }
        out.append("duplicates: %d%s%n".formatted(duplicates.size(), list(duplicates)));
        out.append("out-of-order on the ordered webhook: %d%s%n".formatted(outOfOrder.size(), list(outOfOrder)));
        out.append("webhook-id mismatches: %d%s%n".formatted(mismatches.size(), list(mismatches)));
        out.append("rate-limited endpoint (%d/s): at most %d requests within one second%n".formatted(RATE_PER_SECOND,
                maxPerSecond));
        out.append("closing receiver: %s%n".formatted(closing.connectionSummary()));
        logged.forEach((path, attempts) -> out.append("  attempt log %-15s %4d attempts, %3d events succeeded, %s%n"
                .formatted(path, attempts.size(), succeededEvents(attempts).size(), attempts.stream().collect(
                        Collectors.groupingBy(attempt -> attempt.path("outcome").asText() + "/"
                                + attempt.path("status_code").asText(), TreeMap::new, Collectors.counting())))));
        out.append("attempts logged as failed without an answer from the receiver: %d%s%n".formatted(
                unanswered.size(), list(unanswered)));
        out.append("lost: %s%n".formatted(lost.isEmpty() ? "none" : list(lost)));
        out.append("milestones (s since start):%s%n".formatted(list(milestones)));
        out.append(timeline(requests));
        out.append("services alive: %s; logs in %s%n".formatted(stack.services().stream()
                .map(process -> process.service().shortName() + "=" + process.isAlive()).toList(),
                settings.logDir()));
        System.out.println(out);
    }

    /**
     * The ordered endpoint's requests for the subjects that lost a delivery or got one out of order, else for the
     * subject it got last: where the time went.
     */
    private String timeline(List<Receiver.Request> requests) {
        Map<String, String> subjects = ledger.accepted().stream()
                .collect(Collectors.toMap(DeliveryLedger.Event::id, DeliveryLedger.Event::subject));
        List<Receiver.Request> ordered = requests.stream().filter(request -> request.path().equals(ORDERED)).toList();
        Set<String> affected = ledger.lost(requests).stream().map(entry -> entry.split(" ")[1])
                .map(subjects::get).collect(Collectors.toCollection(TreeSet::new));
        affected.addAll(ledger.outOfOrder(requests, ORDERED).stream().map(entry -> entry.split(" ")[0])
                .map(subjects::get).toList());
        if (affected.isEmpty() && !ordered.isEmpty()) {
            affected.add(subjects.get(ordered.get(ordered.size() - 1).eventId()));
        }
        StringBuilder out = new StringBuilder();
        for (String subject : affected) {
            out.append("requests of %s on %s (s since start: event, attempt, status; the event was posted at):%n"
                    .formatted(subject, ORDERED));
            ordered.stream().filter(request -> subject.equals(subjects.get(request.eventId())))
                    .forEach(request -> out.append("    %6.1f %s %d %d (posted %.1f)%n".formatted(
                            sinceStart(request.receivedNanos()), request.eventId(), request.attempt(),
                            request.status(), sinceStart(acceptedAt.get(request.eventId())))));
        }
        return out.toString();
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "" : items.stream().map(item -> "\n    " + item).collect(Collectors.joining());
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }
}
