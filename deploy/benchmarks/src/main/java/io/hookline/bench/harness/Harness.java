package io.hookline.bench.harness;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The end-to-end benchmark harness of issue #11: starts the stack as {@code ./run-local} does (services with the
 * production JVM options), makes webhooks through the REST API, produces CloudEvents with a Kafka producer, counts
 * requests at loopback receivers, and reports deliveries/s, CPU per delivery per process, peak RSS, latency and the
 * ratios between scenarios. Run by hand (README, Performance); never part of the tests.
 */
public final class Harness {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Settings settings;
    private final List<ScenarioResult> results = new ArrayList<>();
    private Receivers receivers;
    private StackProcess stack;
    private Api api;
    private KafkaProducer<String, byte[]> producer;
    /** Scenario 6's: sends each event at once, as a producer that cares about latency would (linger.ms 0). */
    private KafkaProducer<String, byte[]> pacedProducer;
    private Map<String, Long> processes;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<Workload.Hook> standard = new ArrayList<>();
    private final List<Workload.Hook> templated = new ArrayList<>();
    private final List<Workload.Hook> slow = new ArrayList<>();
    private Workload.Hook burst;
    private List<DeliveryJob> loadJobs;

    private Harness(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Harness(settings).run());
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        String stamp = STAMP.format(started);
        log("Hookline benchmark (" + settings.describe() + ")");
        Jobs.renderTemplateOnce();
        Map<String, Object> environment = environment(started);
        Path dataDir = Files.createTempDirectory("hookline-bench-");
        boolean failed = true;
        Thread hook = new Thread(this::closeAll, "bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            receivers = new Receivers(2);
            log("Starting the stack (data in " + dataDir + ", services with " + settings.serviceJvmOptions() + ")");
            stack = StackProcess.start(settings.home(), dataDir, settings.serviceJvmOptions());
            processes = new LinkedHashMap<>(stack.processes());
            processes.put("harness", ProcessHandle.current().pid());
            environment.put("service GC (jcmd VM.flags)", gcOf(stack.pid("dispatcher-service")));
            log("Stack ready in " + seconds(Duration.between(started, Instant.now())) + " s: " + processes);
            api = new Api(stack);
            producer = producer(stack.bootstrapServers(), 5);
            pacedProducer = producer(stack.bootstrapServers(), 0);
            setUp();
            runScenarios();
            environment.put("load average at end", loadAverage());
            environment.put("total run time s", Duration.between(started, Instant.now()).toSeconds());
            Report report = new Report(environment, results);
            List<Path> written = report.write(settings.results(), stamp);
            System.out.println();
            System.out.println(report.markdown());
            log("Written: " + written);
            failed = false;
            return 0;
        } catch (Exception e) {
            log("FAILED: " + e);
            e.printStackTrace();
            return 1;
        } finally {
            closeAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
            if (settings.keepData() || failed) {
                log("Data and service logs kept in " + dataDir);
            } else {
                deleteTree(dataDir);
            }
            log("Done in " + seconds(Duration.between(started, Instant.now())) + " s");
        }
    }

    private synchronized void closeAll() {
        if (pacedProducer != null) {
            pacedProducer.close(Duration.ofSeconds(5));
            pacedProducer = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        if (stack != null) {
            log("Stopping the stack");
            stack.close();
            stack = null;
        }
        if (receivers != null) {
            receivers.close();
            receivers = null;
        }
    }

    // ---------------------------------------------------------------------------------------------- set-up

    /** Tokens per tenant, then every webhook, then waits until the matcher holds them all. */
    private void setUp() throws Exception {
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < Workload.TENANTS; t++) {
                for (String tenant : List.of(Workload.tenant(t), Workload.templateTenant(t))) {
                    work.add(pool.submit(() -> tokens.put(tenant, api.tenantToken(tenant))));
                }
            }
            for (Future<?> future : work) {
                future.get(2, TimeUnit.MINUTES);
            }
            work.clear();
            List<Future<Workload.Hook>> hooks = new ArrayList<>();
            for (int t = 0; t < Workload.TENANTS; t++) {
                for (int j = 0; j < Workload.PER_TENANT; j++) {
                    hooks.add(pool.submit(create("a", Workload.tenant(t), j,
                            List.of(Workload.LOAD, Workload.SOLO + j), null)));
                    hooks.add(pool.submit(create("b", Workload.templateTenant(t), j, List.of(Workload.LOAD),
                            Workload.SLACK_TEMPLATE)));
                }
                for (int j = 0; j < Workload.SLOW_PER_TENANT; j++) {
                    hooks.add(pool.submit(create("d", Workload.tenant(t), j, List.of(Workload.SLOW), null)));
                }
            }
            hooks.add(pool.submit(create("c", Workload.tenant(0), 0, List.of(Workload.BURST), null)));
            for (Future<Workload.Hook> future : hooks) {
                Workload.Hook hook = future.get(5, TimeUnit.MINUTES);
                switch (hook.set()) {
                    case "a" -> standard.add(hook);
                    case "b" -> templated.add(hook);
                    case "d" -> slow.add(hook);
                    default -> burst = hook;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        createNaiveTopic();
        Comparator<Workload.Hook> order = Comparator.comparing(Workload.Hook::tenant)
                .thenComparingInt(Workload.Hook::index);
        standard.sort(order);
        templated.sort(order);
        slow.sort(order);
        slow.forEach(hook -> receivers.mode(hook.path(), Receivers.Mode.DELAY));
        int total = standard.size() + templated.size() + slow.size() + 1;
        log("Made " + tokens.size() + " tokens and " + total + " webhooks in " + elapsed(begin) + " s");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        long held = -1;
        while (System.nanoTime() < deadline && (held = quietly(api::matcherWebhooks)) < total) {
            Thread.sleep(200);
        }
        if (held < total) {
            throw new IllegalStateException("The matcher holds " + held + " of " + total + " webhooks");
        }
        log("The matcher holds all " + total + " webhooks");
    }

    /**
     * The naive baseline's own topic, made during set-up and awaited until every partition has a leader: an
     * idempotent producer's first batch to a partition still without one can fail in a loop of out-of-order
     * sequence errors.
     */
    private void createNaiveTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(NaiveBaseline.TOPIC, 6, (short) 1))).all()
                    .get(1, TimeUnit.MINUTES);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (true) {
                var description = admin.describeTopics(List.of(NaiveBaseline.TOPIC)).allTopicNames()
                        .get(1, TimeUnit.MINUTES).get(NaiveBaseline.TOPIC);
                if (description.partitions().stream().allMatch(partition -> partition.leader() != null
                        && !partition.leader().isEmpty())) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(NaiveBaseline.TOPIC + " has partitions without a leader");
                }
                Thread.sleep(200);
            }
        }
        // The producer learns the new topic's leaders before it sends there.
        producer.partitionsFor(NaiveBaseline.TOPIC);
    }

    private java.util.concurrent.Callable<Workload.Hook> create(String set, String tenant, int index,
                                                                 List<String> types, String template) {
        return () -> {
            String path = Workload.path(set, tenant, index);
            // Every other webhook of a set goes to the "common server" kind of receiver.
            String url = receivers.url(index % 2 == 1, path);
            String id = api.createWebhook(tokens.get(tenant),
                    Workload.webhook(set + "-" + tenant + "-w" + index, url, types, template));
            return new Workload.Hook(set, tenant, index, path, url, id);
        };
    }

    // ---------------------------------------------------------------------------------------------- scenarios

    private void runScenarios() throws Exception {
        warmUp();
        if (settings.runs("1") || settings.runs("2") || settings.runs("3")) {
            prepareJobs();
        }
        if (settings.runs("1")) {
            ceiling();
        }
        if (settings.runs("2")) {
            naive();
        }
        if (settings.runs("3")) {
            dispatcherAlone();
        }
        if (settings.runs("4a")) {
            throughput("4a", "throughput, standard payload", standard);
        }
        if (settings.runs("4b")) {
            throughput("4b", "throughput, Slack Jinja body", templated);
        }
        if (settings.runs("5")) {
            burst();
        }
        if (settings.runs("6")) {
            latency();
        }
        if (settings.runs("7")) {
            realWorld("7", "200 endpoints answering in 100 ms", false);
        }
        if (settings.runs("8")) {
            realWorld("8", "isolation: 10 % hang, 10 % answer 500", true);
        }
    }

    /**
     * Sends events through sets A and B and waits for their deliveries, so that the JIT compilers have done their
     * first work (and every connection pool, cache and Kafka client is in use) before anything is measured.
     */
    private void warmUp() throws Exception {
        int events = settings.warmUpEvents();
        long expected = 2L * events * Workload.PER_TENANT;
        log("Warm-up: " + events + " events each to sets A and B, " + expected + " deliveries (not measured)");
        long begin = System.nanoTime();
        Tally tally = receivers.begin("warm-up");
        for (int k = 0; k < events; k++) {
            send("warm-a-" + k, Workload.tenant(k % Workload.TENANTS), Workload.LOAD, k, System.nanoTime());
            send("warm-b-" + k, Workload.templateTenant(k % Workload.TENANTS), Workload.LOAD, k, System.nanoTime());
        }
        producer.flush();
        boolean complete = await(tally::distinct, expected);
        awaitQuiet();
        log("   warm-up: " + tally.distinct() + " of " + expected + " deliveries in " + elapsed(begin) + " s"
                + (complete ? "" : " (INCOMPLETE: the scenarios may fail too)"));
    }

    /** The jobs of scenarios 1 to 3: set A's webhooks as stored, rendered as the matcher would. */
    private void prepareJobs() {
        long begin = System.nanoTime();
        Set<String> ids = new HashSet<>();
        standard.forEach(hook -> ids.add(hook.id()));
        Map<String, WebhookConfig> configs = Jobs.readConfigs(stack.bootstrapServers(), ids, Duration.ofMinutes(1));
        List<List<WebhookConfig>> byTenant = new ArrayList<>();
        for (int t = 0; t < Workload.TENANTS; t++) {
            String tenant = Workload.tenant(t);
            byTenant.add(standard.stream().filter(hook -> hook.tenant().equals(tenant))
                    .map(hook -> configs.get(hook.id())).toList());
        }
        loadJobs = Jobs.loadJobs("job-", settings.throughputDeliveries() / Workload.PER_TENANT, byTenant);
        log("Built " + loadJobs.size() + " delivery jobs from webhook-config in " + elapsed(begin) + " s");
    }

    private void ceiling() throws Exception {
        log("1. Ceiling: " + loadJobs.size() + " requests straight from memory with the dispatcher's HTTP client");
        Tally tally = receivers.begin("1");
        Measurement measurement = Measurement.start(processes);
        long start = System.nanoTime();
        CeilingClient.Outcome outcome = CeilingClient.sendAll(loadJobs, settings.scenarioCap().toSeconds());
        finish("1", "ceiling: HTTP client alone, no Kafka", loadJobs.size(), tally, tally.distinct(), start, null,
                outcome.complete(), measurement, "failed after 3 tries: " + outcome.failed()
                        + "; connections opened: " + tally.connections());
    }

    private void naive() throws Exception {
        int count = Math.min(settings.naiveJobs(), loadJobs.size());
        produceJobs(NaiveBaseline.TOPIC, loadJobs.subList(0, count));
        log("2. Naive: one consumer, a blocking call per record, " + count + " jobs or "
                + settings.naiveCap().toSeconds() + " s");
        Tally tally = receivers.begin("2");
        Measurement measurement = Measurement.start(processes);
        long start = System.nanoTime();
        NaiveBaseline.Outcome outcome = NaiveBaseline.run(stack.bootstrapServers(), count, settings.naiveCap());
        boolean capped = !outcome.complete();
        finish("2", "naive: consumer + blocking call per record", count, tally, tally.distinct(), start, null, true,
                measurement, (capped ? "stopped by its " + settings.naiveCap().toSeconds() + " s cap after "
                        + outcome.sent() + " jobs (its rate is what counts); " : "")
                        + "failed: " + outcome.failed() + "; its CPU is in the harness column");
    }

    private void dispatcherAlone() throws Exception {
        log("3. Dispatcher alone: " + loadJobs.size() + " jobs put on webhook-deliveries while it is paused");
        stack.pauseDispatcher();
        try {
            produceJobs(Topics.WEBHOOK_DELIVERIES.name(), loadJobs);
        } catch (Exception e) {
            stack.resumeDispatcher();
            throw e;
        }
        Tally tally = receivers.begin("3");
        Measurement measurement = Measurement.start(processes);
        long start = System.nanoTime();
        stack.resumeDispatcher();
        boolean complete = await(tally::distinct, loadJobs.size());
        long toFirst = tally.firstNanos() == 0 ? 0 : tally.firstNanos() - start;
        finish("3", "dispatcher alone: draining pre-produced jobs", loadJobs.size(), tally, tally.distinct(), start,
                null, complete, measurement, "from SIGCONT; first request after " + seconds(toFirst) + " s");
    }

    private void throughput(String id, String title, List<Workload.Hook> hooks) throws Exception {
        int events = settings.throughputDeliveries() / Workload.PER_TENANT;
        long expected = (long) events * Workload.PER_TENANT;
        long perWebhook = expected / hooks.size();
        Map<String, Long> before = new HashMap<>();
        for (Workload.Hook hook : hooks) {
            before.put(hook.id(), api.attempts(tokens.get(hook.tenant()), hook.id()));
        }
        log(id + ". Throughput: " + events + " events to 10 tenants x 10 webhooks, " + expected + " deliveries ("
                + title + ")");
        Tally tally = receivers.begin(id);
        Measurement measurement = Measurement.start(processes);
        long start = System.nanoTime();
        String tenantPrefix = hooks.get(0).tenant().substring(0, 1);
        for (int k = 0; k < events; k++) {
            String tenant = tenantPrefix + "%02d".formatted(k % Workload.TENANTS);
            send("e" + id + "-" + k, tenant, Workload.LOAD, k, System.nanoTime());
        }
        producer.flush();
        double produced = (System.nanoTime() - start) / 1e9;
        boolean complete = await(tally::distinct, expected);
        // Then until log-service answers with every attempt of every webhook.
        Map<String, Workload.Hook> pending = new HashMap<>();
        hooks.forEach(hook -> pending.put(hook.id(), hook));
        long deadline = System.nanoTime() + settings.scenarioCap().toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (var it = pending.values().iterator(); it.hasNext(); ) {
                Workload.Hook hook = it.next();
                if (api.attempts(tokens.get(hook.tenant()), hook.id()) >= before.get(hook.id()) + perWebhook) {
                    it.remove();
                }
            }
            if (!pending.isEmpty()) {
                Thread.sleep(500);
            }
        }
        Double queryable = pending.isEmpty() ? (System.nanoTime() - start) / 1e9 : null;
        finish(id, title, expected, tally, tally.distinct(), start, queryable, complete && pending.isEmpty(),
                measurement, "events produced in " + ScenarioResult.round(produced, 2) + " s"
                        + (pending.isEmpty() ? "" : "; " + pending.size() + " webhooks never showed every attempt"));
    }

    private void burst() throws Exception {
        int events = settings.burstJobs();
        log("5. Burst: " + events + " events for one endpoint");
        Tally tally = receivers.begin("5");
        Measurement measurement = Measurement.start(processes);
        long start = System.nanoTime();
        for (int k = 0; k < events; k++) {
            send("e5-" + k, burst.tenant(), Workload.BURST, k, System.nanoTime());
        }
        producer.flush();
        boolean complete = await(tally::distinct, events);
        finish("5", "burst: one endpoint", events, tally, tally.distinct(), start, null, complete, measurement,
                "the dispatcher's default limit of 10 requests in flight per endpoint applies");
    }

    private void latency() throws Exception {
        int rate = settings.latencyRate();
        long count = rate * settings.latencyDuration().toSeconds();
        log("6. Latency: " + rate + " events/s for " + settings.latencyDuration().toSeconds()
                + " s, one delivery each, spread over 100 endpoints");
        Tally tally = receivers.begin("6");
        Measurement measurement = Measurement.start(processes);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        for (long k = 0; k < count; k++) {
            // The stamp is when the event was due, so a producer that falls behind counts against the latency.
            long due = start + k * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int tenant = (int) (k % Workload.TENANTS);
            int webhook = (int) (k / Workload.TENANTS % Workload.PER_TENANT);
            send(pacedProducer, "e6-" + k, Workload.tenant(tenant), Workload.SOLO + webhook, k, due);
        }
        pacedProducer.flush();
        boolean complete = await(tally::distinct, count);
        finish("6", "latency: steady " + rate + " events/s", count, tally, tally.distinct(), start, null, complete,
                measurement, "paced producer (linger.ms 0); latency from when each event was due to when its request "
                        + "arrived");
    }

    private void realWorld(String id, String title, boolean isolation) throws Exception {
        int events = settings.realWorldDeliveries() / Workload.SLOW_PER_TENANT;
        long expected = (long) events * Workload.SLOW_PER_TENANT;
        Set<String> hanging = new HashSet<>();
        Set<String> failing = new HashSet<>();
        if (isolation) {
            for (Workload.Hook hook : slow) {
                if (hook.index() % 10 == 0) {
                    hanging.add(hook.path());
                    receivers.mode(hook.path(), Receivers.Mode.HANG);
                } else if (hook.index() % 10 == 1) {
                    failing.add(hook.path());
                    receivers.mode(hook.path(), Receivers.Mode.ERROR);
                }
            }
        }
        long healthy = expected * (slow.size() - hanging.size() - failing.size()) / slow.size();
        log(id + ". " + title + ": " + events + " events, " + expected + " deliveries to 200 endpoints"
                + (isolation ? ", " + healthy + " of them to healthy ones" : ""));
        Tally tally = receivers.begin(id);
        Measurement measurement = Measurement.start(processes);
        long start = System.nanoTime();
        for (int k = 0; k < events; k++) {
            send("e" + id + "-" + k, Workload.tenant(k % Workload.TENANTS), Workload.SLOW, k, System.nanoTime());
        }
        producer.flush();
        boolean complete = await(tally::distinctOk, healthy);
        String note = "endpoints answer after " + Receivers.DELAY_MS + " ms";
        if (isolation) {
            long toHanging = hanging.stream().mapToLong(tally::requestsTo).sum();
            long toFailing = failing.stream().mapToLong(tally::requestsTo).sum();
            note += "; deliveries/s counts healthy endpoints only; requests seen so far by the 20 hanging endpoints: "
                    + toHanging + ", by the 20 answering 500: " + toFailing + " (timeouts and retries go on after)";
        }
        finish(id, title, isolation ? healthy : expected, tally, tally.distinctOk(), start, null, complete,
                measurement, note);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void finish(String id, String title, long expected, Tally tally, long deliveries, long start,
                        Double queryable, boolean complete, Measurement measurement, String note) throws Exception {
        long lastRequest = tally.lastNanos();
        awaitQuiet();
        Map<String, Measurement.Usage> usage = measurement.stop();
        if (!measurement.peaksReset()) {
            note = (note == null ? "" : note + "; ") + "peak RSS since process start (clear_refs not allowed)";
        }
        ScenarioResult result = ScenarioResult.of(id, title, expected, tally, deliveries, start, queryable,
                complete, usage, note);
        results.add(result);
        log(String.format("   %s: %,d deliveries (%,d requests, %,d duplicates) in %.1f s = %,.0f/s%s; "
                        + "stack CPU %.0f µs/delivery, harness %.0f µs%s", id, deliveries, tally.requests(),
                tally.duplicates(), result.seconds(), result.deliveriesPerSecond(),
                queryable == null ? "" : String.format(", all attempts queryable after %.1f s", queryable),
                nonNull(result.cpuMicrosPerDelivery().get("stack")),
                nonNull(result.cpuMicrosPerDelivery().get("harness")),
                complete ? "" : "  INCOMPLETE (expected " + expected + ", last request "
                        + (lastRequest == 0 ? "never" : seconds(lastRequest - start) + " s") + ")"));
    }

    private static double nonNull(Double value) {
        return value == null ? Double.NaN : value;
    }

    /** Waits until {@code counter} reaches {@code target} or the scenario's cap passes. */
    private boolean await(LongSupplier counter, long target) throws InterruptedException {
        long deadline = System.nanoTime() + settings.scenarioCap().toNanos();
        while (counter.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * Waits until the stack uses less than a quarter of a core for two samples of half a second running (bounded by
     * the settle cap), so that work a scenario left behind (attempt records, log indexing, commits) is counted in it
     * and not in the next.
     */
    private void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + settings.settleCap().toNanos();
        long previous = stackTicks();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            long ticks = stackTicks();
            double cores = ProcStats.cpuSeconds(ticks - previous) / 0.5;
            previous = ticks;
            quiet = cores < 0.25 ? quiet + 1 : 0;
        }
    }

    private long stackTicks() {
        return processes.entrySet().stream().filter(process -> !process.getKey().equals("harness"))
                .mapToLong(process -> Math.max(0, ProcStats.cpuTicks(process.getValue()))).sum();
    }

    private final AtomicLong sendFailures = new AtomicLong();

    private void send(String id, String tenant, String type, long n, long sentNanos) {
        send(producer, id, tenant, type, n, sentNanos);
    }

    private void send(KafkaProducer<String, byte[]> producer, String id, String tenant, String type, long n,
                      long sentNanos) {
        byte[] value = Workload.event(id, tenant, type, n, sentNanos).getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DOMAIN_EVENTS.name(), "INC-" + n, value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null && sendFailures.getAndIncrement() == 0) {
                log("Producing an event failed: " + error);
            }
        });
    }

    private void produceJobs(String topic, List<DeliveryJob> jobs) throws Exception {
        long begin = System.nanoTime();
        for (DeliveryJob job : jobs) {
            producer.send(new ProducerRecord<>(topic, job.endpointKey(), Json.toBytes(job)));
        }
        producer.flush();
        log("   put " + jobs.size() + " jobs on " + topic + " in " + elapsed(begin) + " s");
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers, int lingerMs) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    // ---------------------------------------------------------------------------------------------- environment

    private Map<String, Object> environment(Instant started) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("timestamp", started.toString());
        env.put("mode", settings.quick() ? "quick" : "full");
        env.put("sizes", settings.describe());
        env.put("cpu", Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel());
        env.put("memory", memTotal());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("load average at start", loadAverage());
        env.put("service JVM options", settings.serviceJvmOptions());
        env.put("services", "java " + settings.serviceJvmOptions() + " -jar <service>.jar (+ the launcher's -D "
                + "settings), one process each: the image's plain java -jar with the chart's 512 MiB heap bound, "
                + "default GC and JIT");
        env.put("broker", "Apache Kafka KRaft, single node, embedded in the local launcher's JVM (java -jar "
                + "local-launcher.jar, JVM defaults), topics of 6 partitions");
        List<String> harnessOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        env.put("harness JVM", harnessOptions.isEmpty() ? "java -jar benchmarks.jar (no options)"
                : String.join(" ", harnessOptions));
        env.put("receivers", "Netty on 127.0.0.1, 2 event-loop threads; keep-alive kind and common-server kind "
                + "(closes after " + Receivers.IDLE_CLOSE_SECONDS + " s idle and after "
                + Receivers.REQUESTS_PER_CONNECTION + " requests); every other webhook of a set on each");
        env.put("caveat", "wall-clock figures (deliveries/s, latency) need an idle machine; CPU per delivery is "
                + "the stable figure on a busy one");
        return env;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemTotal")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The collector a service's JVM chose, from {@code jcmd <pid> VM.flags}; "?" when jcmd is not at hand. */
    private static String gcOf(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "VM.flags")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "?";
            }
            List<String> flags = new ArrayList<>();
            for (String flag : out.split("\\s+")) {
                if (flag.matches("-XX:\\+Use\\w+GC") || flag.startsWith("-XX:MaxHeapSize=")
                        || flag.startsWith("-XX:TieredStopAtLevel=")) {
                    flags.add(flag);
                }
            }
            return flags.isEmpty() ? "?" : String.join(" ", flags);
        } catch (IOException | RuntimeException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    // ---------------------------------------------------------------------------------------------- small things

    private interface IoCall {
        long call() throws Exception;
    }

    private static long quietly(IoCall call) {
        try {
            return call.call();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String elapsed(long beginNanos) {
        return seconds(System.nanoTime() - beginNanos);
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    private static String seconds(Duration duration) {
        return seconds(duration.toNanos());
    }

    private static void log(String message) {
        System.out.println("[bench " + CLOCK.format(java.time.LocalTime.now()) + "] " + message);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log("Could not delete " + root + ": " + e.getMessage());
        }
    }
}
