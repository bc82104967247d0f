package io.hookline.matcher.index;

import static io.hookline.matcher.index.WebhookIndexTest.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.template.TemplateEngine;
import org.junit.jupiter.api.Test;

class WebhookIndexUpdaterTest {

    private final WebhookIndex index = new WebhookIndex();
    private final WebhookIndexUpdater updater =
            new WebhookIndexUpdater(index, new WebhookCompiler(new TemplateEngine()));

    @Test
    void shouldCompileEachVersionOnceAndForgetATombstone() {
        updater.accept("wh-1", config("wh-1", "acme", 1, "incident.triggered"));
        CompiledWebhook first = index.get("wh-1", 1).orElseThrow();

        updater.accept("wh-1", config("wh-1", "acme", 1, "incident.triggered"));
        assertThat(index.get("wh-1", 1)).containsSame(first);

        updater.accept("wh-1", config("wh-1", "acme", 2, "incident.resolved"));
        assertThat(index.get("wh-1", 2)).isPresent();
        assertThat(index.candidates("acme", "incident.triggered")).isEmpty();

        updater.accept("wh-1", null);
        assertThat(index.size()).isZero();
    }

    @Test
    void shouldIgnoreARecordWhoseKeyIsNotItsWebhookId() {
        updater.accept("wh-1", config("wh-1", "acme", 1, "incident.triggered"));

        updater.accept("wh-1", config("wh-other", "acme", 1, "incident.triggered"));

        assertThat(index.size()).isZero();
    }
}
