package io.hookline.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the chaos test expects and what the receivers got: every accepted event is expected once at every endpoint
 * path. A delivery is identified by its path and event id; its {@code webhook-id} header must be the same on every
 * request of it, and a second successful request with that id is a duplicate.
 */
final class DeliveryLedger {

    /** An event accepted into {@code domain-events}, in acceptance order; {@code phase} says under which fault. */
    record Event(String id, String subject, int seq, String phase, String via) {
    }

    private final List<String> paths;
    private final List<Event> accepted = new ArrayList<>();

    DeliveryLedger(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    synchronized void accepted(Event event) {
        accepted.add(event);
    }

    synchronized List<Event> accepted() {
        return List.copyOf(accepted);
    }

    int expected() {
        return accepted().size() * paths.size();
    }

    /** Deliveries (path and event) that no request answered with a 2xx. */
    List<String> lost(List<Receiver.Request> requests) {
        Set<String> delivered = requests.stream().filter(Receiver.Request::succeeded)
                .map(request -> key(request.path(), request.eventId())).collect(Collectors.toSet());
        List<String> lost = new ArrayList<>();
        for (Event event : accepted()) {
            for (String path : paths) {
                if (!delivered.contains(key(path, event.id()))) {
                    lost.add(path + " " + event.id() + " (posted " + event.phase() + ", via " + event.via() + ")");
                }
            }
        }
        return lost;
    }

    /** The first successful request of each delivery. */
    static List<Receiver.Request> firstSuccesses(List<Receiver.Request> requests) {
        Set<String> seen = new HashSet<>();
        return requests.stream().filter(Receiver.Request::succeeded)
                .filter(request -> seen.add(key(request.path(), request.eventId()))).toList();
    }

    /** Successful requests after the first successful one of the same delivery, each with its webhook-id. */
    static List<String> duplicates(List<Receiver.Request> requests) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Receiver.Request request : requests) {
            if (request.succeeded() && !seen.add(key(request.path(), request.eventId()))) {
                duplicates.add("webhook-id " + request.webhookId() + " (" + request.path() + " " + request.eventId()
                        + ", attempt " + request.attempt() + ")");
            }
        }
        return duplicates;
    }

    /** Deliveries whose requests did not all carry the same webhook-id. */
    static List<String> webhookIdMismatches(List<Receiver.Request> requests) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (Receiver.Request request : requests) {
            ids.computeIfAbsent(key(request.path(), request.eventId()), ignored -> new HashSet<>())
                    .add(String.valueOf(request.webhookId()));
        }
        return ids.entrySet().stream().filter(entry -> entry.getValue().size() != 1)
                .map(entry -> entry.getKey() + " " + entry.getValue()).toList();
    }

    /**
     * Requests on an ordered endpoint that arrived while an earlier event of the same subject (earlier in
     * acceptance order) had not yet been answered with a 2xx. A repeat of an event already delivered is not one.
     */
    List<String> outOfOrder(List<Receiver.Request> requests, String path) {
        Map<String, Event> events = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        Map<String, List<String>> bySubject = new HashMap<>();
        for (Event event : accepted()) {
            List<String> ids = bySubject.computeIfAbsent(event.subject(), ignored -> new ArrayList<>());
            events.put(event.id(), event);
            position.put(event.id(), ids.size());
            ids.add(event.id());
        }
        Set<String> delivered = new HashSet<>();
        List<String> violations = new ArrayList<>();
        for (Receiver.Request request : requests) {
            if (!request.path().equals(path) || !position.containsKey(request.eventId())) {
                continue;
            }
            String subject = events.get(request.eventId()).subject();
            List<String> earlier = bySubject.get(subject).subList(0, position.get(request.eventId()));
            List<String> pending = earlier.stream().filter(id -> !delivered.contains(id)).toList();
            if (!pending.isEmpty()) {
                violations.add(request.eventId() + " (subject " + subject + ", attempt " + request.attempt()
                        + ") arrived before " + pending + " had been delivered");
            }
            if (request.succeeded()) {
                delivered.add(request.eventId());
            }
        }
        return violations;
    }

    /** The most requests to {@code path} that arrived within any one second. */
    static int maxPerSecond(List<Receiver.Request> requests, String path) {
        List<Long> times = requests.stream().filter(request -> request.path().equals(path))
                .map(Receiver.Request::receivedNanos).sorted().toList();
        int max = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= 1_000_000_000L) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    static String key(String path, String eventId) {
        return path + " " + eventId;
    }
}
