package io.hookline.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.template.TemplateEngine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookIndexTest {

    private static final WebhookCompiler COMPILER = new WebhookCompiler(new TemplateEngine());

    private final WebhookIndex index = new WebhookIndex();

    @Test
    void shouldNeverHideAWebhookFromAMatchWhileItIsReplaced() {
        // Given two versions of one webhook that both fire on incident.triggered, one by exact type, one by pattern
        CompiledWebhook exact = COMPILER.compile(config("wh-1", "acme", 1, "incident.triggered"));
        CompiledWebhook pattern = COMPILER.compile(config("wh-1", "acme", 2, "incident.*"));
        index.put(exact);
        index.put(COMPILER.compile(config("wh-other", "acme", 1, "incident.triggered")));

        // When one thread replaces it over and over while another matches
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger matches = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (writing.get() || matches.get() == 0) {
                long seen = index.candidates("acme", "incident.triggered").stream()
                        .filter(webhook -> webhook.id().equals("wh-1")).count();
                if (seen != 1) {
                    wrong.incrementAndGet();
                }
                matches.incrementAndGet();
            }
        });
        try {
            for (int i = 0; i < 300_000 && !reader.isDone(); i++) {
                index.put(i % 2 == 0 ? pattern : exact);
            }
        } finally {
            writing.set(false);
        }
        reader.join();

        // Then every match saw exactly one version of it
        assertThat(matches.get()).isPositive();
        assertThat(wrong.get()).as("matches that saw no version or both, of %s", matches.get()).isZero();
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void shouldMoveAWebhookToItsNewTenantAndTypes() {
        index.put(COMPILER.compile(config("wh-1", "acme", 1, "incident.triggered")));

        index.put(COMPILER.compile(config("wh-1", "other", 2, "incident.*")));

        assertThat(index.candidates("acme", "incident.triggered")).isEmpty();
        assertThat(index.candidates("other", "incident.resolved")).extracting(CompiledWebhook::version)
                .containsExactly(2L);
        assertThat(index.get("wh-1", 1)).isEmpty();
        assertThat(index.get("wh-1", 2)).isPresent();
    }

    @Test
    void shouldForgetARemovedWebhook() {
        index.put(COMPILER.compile(config("wh-1", "acme", 1, "incident.triggered")));
        index.put(COMPILER.compile(config("wh-2", "acme", 1, "incident.*")));

        index.remove("wh-1");
        index.remove("wh-2");
        index.remove("wh-unknown");

        assertThat(index.candidates("acme", "incident.triggered")).isEmpty();
        assertThat(index.size()).isZero();
    }

    static WebhookConfig config(String id, String tenant, long version, String eventType) {
        return new WebhookConfig(id, tenant, version, "hook " + id, true, null, "https://example.com/hook", List.of(),
                "POST", null, List.of(eventType), null, null, null, null, false, null, null, null, null, null, null,
                List.of(), 3, 10_000, null, Ordering.NONE, null, null, null);
    }
}
