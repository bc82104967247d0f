package io.hookline.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes the results: a Markdown report (also printed), the same figures as JSON, and the latency plot. */
final class Report {

    private static final List<String> PROCESSES = List.of("broker", "config", "matcher", "dispatcher", "log");

    /** One ratio between two scenarios' deliveries/s. */
    record Ratio(String name, Double value, String meaning) {
    }

    private final Map<String, Object> environment;
    private final List<ScenarioResult> results;
    private final List<Ratio> ratios;

    Report(Map<String, Object> environment, List<ScenarioResult> results) {
        this.environment = environment;
        this.results = results;
        this.ratios = ratios(results);
    }

    static List<Ratio> ratios(List<ScenarioResult> results) {
        Map<String, Double> rate = new LinkedHashMap<>();
        results.forEach(result -> rate.put(result.id(), result.deliveriesPerSecond()));
        List<Ratio> ratios = new ArrayList<>();
        ratios.add(new Ratio("pipeline/ceiling", divide(rate.get("4a"), rate.get("1")),
                "whole pipeline (4a) over HTTP alone (1)"));
        ratios.add(new Ratio("pipeline/naive", divide(rate.get("4a"), rate.get("2")),
                "whole pipeline (4a) over one consumer with a blocking call per record (2)"));
        ratios.add(new Ratio("dispatcher/naive", divide(rate.get("3"), rate.get("2")),
                "dispatcher draining jobs (3) over the naive consumer on the same jobs (2)"));
        ratios.add(new Ratio("dispatcher/ceiling", divide(rate.get("3"), rate.get("1")),
                "dispatcher draining jobs (3) over HTTP alone (1)"));
        ratios.add(new Ratio("template/standard", divide(rate.get("4b"), rate.get("4a")),
                "pipeline with a Slack-sized Jinja body (4b) over the standard payload (4a)"));
        Double healthy = rate.get("7") == null ? null : rate.get("7") * 0.8;
        ratios.add(new Ratio("isolation", divide(rate.get("8"), healthy),
                "deliveries/s to the 80 % healthy endpoints with 20 % hanging or failing (8), over the same share "
                        + "of scenario 7's rate; 1.0 = the bad endpoints cost the others nothing"));
        return ratios;
    }

    private static Double divide(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : ScenarioResult.round(a / b, 3);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Hookline benchmark, ").append(environment.get("timestamp")).append(" (")
                .append(environment.get("mode")).append(")\n\n");
        md.append("| | |\n|---|---|\n");
        for (Map.Entry<String, Object> entry : environment.entrySet()) {
            if (!entry.getKey().equals("timestamp") && !entry.getKey().equals("mode")) {
                md.append("| ").append(entry.getKey()).append(" | ").append(cell(entry.getValue())).append(" |\n");
            }
        }
        md.append("\n## Throughput and CPU per delivery\n\n");
        md.append("CPU µs per delivery = CPU time of the process over the scenario (utime + stime from "
                + "/proc/<pid>/stat, until the stack is quiet again) / deliveries. `stack` is the broker and the four "
                + "services; `harness` is the load generator and receivers (and, in 1 and 2, the client under test). In 1 and 2 "
                + "the services are idle: their figures are background cost spread over the deliveries. `JIT µs` is the part of `stack` "
                + "spent by the JIT compiler threads: warm-up still under way, not a cost of each delivery in a "
                + "long-running service.\n\n");
        md.append("| # | scenario | deliveries | dup | s | deliveries/s | s to log | ");
        PROCESSES.forEach(process -> md.append(process).append(" µs | "));
        md.append("stack µs | JIT µs | harness µs |\n|---|---|---:|---:|---:|---:|---:|");
        PROCESSES.forEach(process -> md.append("---:|"));
        md.append("---:|---:|---:|\n");
        for (ScenarioResult result : results) {
            md.append("| ").append(result.id()).append(" | ").append(result.title())
                    .append(result.complete() ? "" : " **(incomplete)**").append(" | ")
                    .append(number((double) result.deliveries(), 0)).append(" | ").append(result.duplicates())
                    .append(" | ")
                    .append(number(result.seconds(), 1)).append(" | ")
                    .append(number(result.deliveriesPerSecond(), 0)).append(" | ")
                    .append(result.secondsToQueryable() == null ? "" : number(result.secondsToQueryable(), 1))
                    .append(" | ");
            for (String process : PROCESSES) {
                md.append(number(result.cpuMicrosPerDelivery().get(process), 0)).append(" | ");
            }
            md.append(number(result.cpuMicrosPerDelivery().get("stack"), 0)).append(" | ")
                    .append(number(result.stackJitMicrosPerDelivery(), 0)).append(" | ")
                    .append(number(result.cpuMicrosPerDelivery().get("harness"), 0)).append(" |\n");
        }
        md.append("\n## Latency, event produced to request received\n\n");
        md.append("| # | scenario | requests measured | p50 ms | p99 ms | p99.9 ms | max ms |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult result : results) {
            if (result.latency() != null) {
                var latency = result.latency();
                md.append("| ").append(result.id()).append(" | ").append(result.title()).append(" | ")
                        .append(latency.count()).append(" | ").append(number(latency.p50(), 1)).append(" | ")
                        .append(number(latency.p99(), 1)).append(" | ").append(number(latency.p999(), 1))
                        .append(" | ").append(number(latency.max(), 1)).append(" |\n");
            }
        }
        md.append("\nOnly scenario 6 is paced (a steady rate); in the others every event is produced at once, so "
                + "their latencies are mostly time spent queued behind the backlog.\n");
        md.append("\n## Peak RSS (MiB) during each scenario\n\n| # | scenario | ");
        PROCESSES.forEach(process -> md.append(process).append(" | "));
        md.append("\n|---|---|");
        PROCESSES.forEach(process -> md.append("---:|"));
        md.append("\n");
        for (ScenarioResult result : results) {
            md.append("| ").append(result.id()).append(" | ").append(result.title()).append(" | ");
            for (String process : PROCESSES) {
                Long mib = result.peakRssMib().get(process);
                md.append(mib == null || mib < 0 ? "" : mib.toString()).append(" | ");
            }
            md.append("\n");
        }
        md.append("\n## Ratios of deliveries/s\n\n| ratio | value | meaning |\n|---|---:|---|\n");
        for (Ratio ratio : ratios) {
            md.append("| ").append(ratio.name()).append(" | ").append(number(ratio.value(), 2)).append(" | ")
                    .append(ratio.meaning()).append(" |\n");
        }
        md.append("\n## Notes\n\n");
        for (ScenarioResult result : results) {
            if (result.note() != null && !result.note().isBlank()) {
                md.append("- ").append(result.id()).append(": ").append(result.note()).append("\n");
            }
        }
        return md.toString();
    }

    /** Writes {@code <stamp>.md}, {@code <stamp>.json}, {@code latest.md} and {@code latency.png}. */
    List<Path> write(Path directory, String stamp) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        String markdown = markdown();
        Path md = directory.resolve(stamp + ".md");
        Files.writeString(md, markdown);
        written.add(md);
        Path latest = directory.resolve("latest.md");
        Files.writeString(latest, markdown);
        written.add(latest);
        Map<String, Object> json = new LinkedHashMap<>(environment);
        json.put("scenarios", results);
        json.put("ratios", ratios);
        Path jsonFile = directory.resolve(stamp + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), json);
        written.add(jsonFile);
        Path png = plot(directory.resolve("latency.png"));
        if (png != null) {
            written.add(png);
        }
        return written;
    }

    /** The latency distribution of scenario 6 (percentiles on a log scale), or null without it. */
    private Path plot(Path file) throws IOException {
        ScenarioResult latency = results.stream().filter(result -> result.id().equals("6")
                && result.histogram() != null && result.histogram().getTotalCount() > 0).findFirst().orElse(null);
        if (latency == null) {
            return null;
        }
        var l = latency.latency();
        XYChart chart = new XYChartBuilder().width(1000).height(600)
                .title("Scenario 6: event produced to request received, " + number(latency.deliveriesPerSecond(), 0)
                        + "/s steady (" + environment.get("mode") + ")")
                .xAxisTitle("percentile (log scale of 1/(1-p))").yAxisTitle("latency (ms)").build();
        // x is log10(1/(1-p)) on a linear axis: 0 = 0 %, 1 = 90 %, 2 = 99 %, 3 = 99.9 %, ...
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Report::percentileLabel);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        Histogram histogram = latency.histogram();
        for (HistogramIterationValue value : histogram.percentiles(5)) {
            double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100.0) {
                break;
            }
            xs.add(Math.log10(1.0 / (1.0 - percentile / 100.0)));
            ys.add(histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1000.0);
        }
        if (xs.isEmpty()) {
            return null;
        }
        XYSeries series = chart.addSeries("p50 " + number(l.p50(), 1) + " ms, p99 " + number(l.p99(), 1)
                + " ms, p99.9 " + number(l.p999(), 1) + " ms, max " + number(l.max(), 1) + " ms ("
                + l.count() + " requests, " + environment.get("timestamp") + ")", xs, ys);
        series.setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    /** The tick label of x = log10(1/(1-p)): the percentile p, with as many decimals as it needs. */
    private static String percentileLabel(double x) {
        double percentile = 100.0 * (1.0 - Math.pow(10, -x));
        int decimals = Math.max(0, (int) Math.ceil(x) - 2);
        return String.format(Locale.ROOT, "%." + decimals + "f%%", percentile);
    }

    private static String number(Double value, int digits) {
        if (value == null || value.isNaN()) {
            return "";
        }
        return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }

    private static String cell(Object value) {
        return String.valueOf(value).replace("|", "\\|").replace("\n", " ");
    }
}
