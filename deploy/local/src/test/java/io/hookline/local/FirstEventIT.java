package io.hookline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md section 8, read-your-writes across the pipeline, on real processes: on a stack that has just become
 * ready, an event posted right after a webhook change was acknowledged is matched against that change, whether it
 * comes through the API or from a Kafka producer. A few clients work at once, as operators and producers do. Each
 * round has its own event type and its own receiver path, so a lost event names its round.
 */
class FirstEventIT {

    private static final int CREATE_ROUNDS = 50;
    private static final int PATCH_ROUNDS = 20;
    /** Operators and producers at work at the same time, each one round after the other. */
    private static final int CLIENTS = 5;
    /** Generous: a matched event reaches the receiver in well under a second on an idle machine. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private record Round(String name, String kind, String via) {

        String eventId() {
            return "first-" + name;
        }

        String path() {
            return "/first/" + name;
        }

        @Override
        public String toString() {
            return name + " (" + kind + ", " + via + ")";
        }
    }

    private Receiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = Receiver.wellBehaved((path, eventId, attempt) -> 200);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldDeliverAnEventPostedRightAfterTheWebhookChangeThatMatchesIt() throws Exception {
        LocalSettings settings = FreePorts.settings(Files.createTempDirectory("hookline-first-event"));
        try (LocalStack stack = LocalStack.start(settings); // returns at the READY condition: all four healthy
             EventProducer producer = new EventProducer(settings.bootstrapServers())) {
            long started = System.nanoTime();
            HooklineApi api = new HooklineApi(stack.adminToken());
            String webhooks = stack.url(Service.CONFIG) + "/api/v1/webhooks/";
            String events = stack.url(Service.CONFIG) + "/api/v1/events";
            producer.warmUp();
            List<Round> rounds = new CopyOnWriteArrayList<>();

            // Create a webhook, post its event at once: half through the API, half from a Kafka producer
            concurrently(CREATE_ROUNDS, i -> {
                Round round = new Round("c%02d".formatted(i), "create", via(i));
                create(api, webhooks, round, null);
                post(api, events, producer, round);
                rounds.add(round);
            });

            // Webhooks for the PATCH rounds, created now, with a filter their event does not pass
            String[] patchable = new String[PATCH_ROUNDS];
            concurrently(PATCH_ROUNDS, i -> patchable[i] = create(api, webhooks, patchRound(i), "no"));

            // Change a webhook's filter so that the event now passes, post the event at once
            concurrently(PATCH_ROUNDS, i -> {
                Round round = patchRound(i);
                HooklineApi.Reply patched = api.patch(webhooks + patchable[i] + "/",
                        "{\"filter\":" + filter("yes") + "}");
                assertThat(patched.status()).as(patched.text()).isEqualTo(200);
                post(api, events, producer, round);
                rounds.add(round);
            });
            long posted = System.nanoTime();

            try {
                await().atMost(DELIVERY_TIMEOUT).until(() -> lost(rounds).isEmpty());
            } catch (ConditionTimeoutException e) {
                // reported below
            }
            List<Round> lost = lost(rounds);
            System.out.printf("FirstEventIT: %d rounds (%d create, %d patch; half REST, half Kafka; %d clients) posted "
                            + "in %d ms, %d delivered, %d lost%s%n", rounds.size(), CREATE_ROUNDS, PATCH_ROUNDS,
                    CLIENTS, (posted - started) / 1_000_000, rounds.size() - lost.size(), lost.size(),
                    lost.isEmpty() ? "" : ": " + lost);
            if (!lost.isEmpty()) {
                fail("%d of %d events posted right after their webhook change never reached the receiver "
                        + "(waited %s after the last post); lost rounds: %s", lost.size(), rounds.size(),
                        DELIVERY_TIMEOUT, lost);
            }
        }
    }

    /** Runs rounds 0 to {@code count - 1} on {@link #CLIENTS} clients at once, each doing its rounds in turn. */
    private static void concurrently(int count, IntConsumer round) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                done.add(clients.submit(() -> {
                    for (int i = first; i < count; i += CLIENTS) {
                        round.accept(i);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static Round patchRound(int i) {
        return new Round("p%02d".formatted(i), "patch", via(i));
    }

    /** Odd rounds through the API, even ones from a Kafka producer. */
    private static String via(int i) {
        return i % 2 == 0 ? "Kafka" : "REST";
    }

    /** Creates the round's webhook (with a filter on {@code data.armed} when given) and returns its id. */
    private String create(HooklineApi api, String webhooks, Round round, String armed) {
        String filter = armed == null ? "" : ",\"filter\":" + filter(armed);
        HooklineApi.Reply created = api.post(webhooks, """
                {"name":"first %s","url":"%s","event_types":["probe.%s"]%s}"""
                .formatted(round.name(), receiver.url(round.path()), round.name(), filter));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String filter(String armed) {
        return "{\"field\":\"data.armed\",\"op\":\"eq\",\"value\":\"" + armed + "\"}";
    }

    private static void post(HooklineApi api, String events, EventProducer producer, Round round) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/first-event","type":"probe.%s","subject":"%s",
                 "data":{"round":"%s","armed":"yes"}}""".formatted(round.eventId(), round.name(), round.name(),
                round.name());
        if (round.via().equals("REST")) {
            HooklineApi.Reply accepted = api.post(events, event);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        } else {
            producer.send(round.name(), event);
        }
    }

    private List<Round> lost(List<Round> rounds) {
        Set<String> arrived = receiver.requests().stream().filter(Receiver.Request::succeeded)
                .map(request -> request.path() + "|" + request.eventId()).collect(Collectors.toSet());
        return rounds.stream().filter(round -> !arrived.contains(round.path() + "|" + round.eventId()))
                .sorted(Comparator.comparing(Round::name)).toList();
    }
}
