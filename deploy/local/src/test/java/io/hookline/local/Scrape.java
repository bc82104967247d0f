package io.hookline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code GET /prometheus} answer of a service, without a token: its sample names and every label value. */
record Scrape(String text, Set<String> sampleNames, List<String> labelValues) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE_NAME = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
    private static final Pattern LABEL_VALUE = Pattern.compile("=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape of(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(baseUrl + "/prometheus answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Scraping " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Scrape parse(String text) {
        Set<String> names = new LinkedHashSet<>();
        List<String> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher name = SAMPLE_NAME.matcher(line);
            if (name.find()) {
                names.add(name.group(1));
            }
            int labelsEnd = line.lastIndexOf('}');
            if (labelsEnd > 0) {
                Matcher value = LABEL_VALUE.matcher(line.substring(0, labelsEnd));
                while (value.find()) {
                    values.add(value.group(1));
                }
            }
        }
        return new Scrape(text, names, values);
    }

    /** The value of the one sample with this exact name and labels text (e.g. {@code le="60.0"}), or NaN. */
    double value(String name, String labelPart) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(labelPart)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
            if (labelPart.isEmpty() && line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }
}
