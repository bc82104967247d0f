package io.hookline.bench.rules;

import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.MatchDecision;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.match.WebhookMatcher;
import io.hookline.rules.template.TemplateEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One event decided against every webhook of a tenant, worst case (no event-type index in front): one op is one
 * event against {@code webhooks} webhooks, so decisions/s = ops/s × webhooks. The matcher's index narrows this to the
 * webhooks of the event's type.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MatchBenchmark {

    @Param("10000")
    int webhooks;

    /** Trigger templates are rendered per event, so they dominate the cost: measured without and with some. */
    @Param({"0", "10"})
    int triggerTemplatePercent;

    private WebhookMatcher matcher;
    private List<CompiledWebhook> compiled;
    private io.hookline.contracts.event.DomainEvent event;

    @Setup
    public void setUp() {
        WebhookCompiler compiler = new WebhookCompiler(new TemplateEngine());
        matcher = new WebhookMatcher(compiler);
        compiled = new ArrayList<>(webhooks);
        for (int i = 0; i < webhooks; i++) {
            compiled.add(compiler.compile(BenchmarkData.webhook(i, triggerTemplatePercent)));
        }
        event = BenchmarkData.event();
    }

    /** Returns the number of matches, so the JIT cannot drop the work. */
    @Benchmark
    public int oneEventAgainstAllWebhooks() {
        PreparedEvent prepared = PreparedEvent.of(event);
        int matched = 0;
        for (CompiledWebhook webhook : compiled) {
            MatchDecision decision = matcher.decide(webhook, prepared);
            if (decision.matched()) {
                matched++;
            }
        }
        return matched;
    }
}
