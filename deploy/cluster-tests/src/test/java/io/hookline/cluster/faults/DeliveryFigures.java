package io.hookline.cluster.faults;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one fault test expected and what the endpoints got: every accepted event once at each webhook's path. A
 * duplicate is a request beyond the first for one delivery (allowed: at least once); a lost delivery never arrived.
 */
record DeliveryFigures(int events, int expected, int delivered, List<CountingReceiver.Delivery> lost,
                       long duplicates, int webhookIdMismatches) {

    static DeliveryFigures of(Set<String> acceptedEvents, Collection<String> paths,
                              Map<CountingReceiver.Delivery, Integer> received, int webhookIdMismatches) {
        List<CountingReceiver.Delivery> expected = paths.stream().flatMap(path -> acceptedEvents.stream()
                .map(event -> new CountingReceiver.Delivery(path, event))).toList();
        List<CountingReceiver.Delivery> lost = expected.stream().filter(delivery -> !received.containsKey(delivery))
                .sorted(Comparator.comparing(CountingReceiver.Delivery::path)
                        .thenComparing(CountingReceiver.Delivery::eventId)).toList();
        long duplicates = expected.stream().mapToLong(delivery -> Math.max(0, received.getOrDefault(delivery, 0) - 1))
                .sum();
        return new DeliveryFigures(acceptedEvents.size(), expected.size(), expected.size() - lost.size(), lost,
                duplicates, webhookIdMismatches);
    }

    String table() {
        return """
                events accepted       %,d
                deliveries expected   %,d
                delivered             %,d
                lost                  %,d%s
                duplicates            %,d (requests beyond the first of a delivery, same webhook-id)
                webhook-id mismatches %,d""".formatted(events, expected, delivered, lost.size(),
                lost.isEmpty() ? "" : " e.g. " + lost.subList(0, Math.min(10, lost.size())), duplicates,
                webhookIdMismatches);
    }
}
