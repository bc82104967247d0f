package io.hookline.testkit.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import io.hookline.testkit.fuzz.FuzzCampaign;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks the exchanges of API tests against a service's OpenAPI document, so that the document cannot drift from
 * what the service does. Every response is checked: its status must be documented for the operation, its content
 * type allowed and its body valid against the schema. A request is checked only when the service accepted it
 * (2xx): tests send invalid requests on purpose, and the document describes valid ones. Tests send requests without
 * a token on purpose too, so a missing token is not a finding (the 401 it answers is checked).
 */
public final class OpenApiContract {

    public static final String SUMMARY_FILE = "target/openapi-contract-summary.txt";

    private static final Set<String> NOT_ROUTED = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    /** Statuses the HTTP server answers before routing; see {@link #responseMismatches}. */
    private static final Set<Integer> REFUSED_BEFORE_ROUTING = Set.of(400, 401, 404, 405, 413, 415, 431);

    /** HEAD is GET without a body, which HTTP servers answer for every GET; the documents name GET only. */
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    /** A body on these has no meaning in HTTP; some tests send one, and the service rightly ignores it. */
    private static final Set<String> BODY_WITHOUT_MEANING = Set.of("GET", "HEAD", "DELETE");

    private final String name;
    private final OpenApiInteractionValidator validator;
    private final AtomicInteger validated = new AtomicInteger();
    private final AtomicInteger answersAlone = new AtomicInteger();
    private final OperationCoverage coverage;

    private OpenApiContract(String name, String document) {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, null);
        if (!parsed.getMessages().isEmpty()) {
            throw new IllegalStateException(name + " is not a valid OpenAPI document: " + parsed.getMessages());
        }
        this.name = name;
        this.coverage = new OperationCoverage(parsed.getOpenAPI());
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The document at {@code resource} on the classpath, the bytes the service serves. */
    public static OpenApiContract fromClasspath(String resource) {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new OpenApiContract(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@link #summary()} to {@value #SUMMARY_FILE} (in the module's directory, where Surefire runs tests)
     * when the test JVM exits, for the contract the API test clients share; standard output may be gone by then.
     */
    public OpenApiContract summarizedAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(Path.of(SUMMARY_FILE), summary() + System.lineSeparator());
            } catch (IOException e) {
                System.err.println(summary());
            }
        }));
        return this;
    }

    /** Throws an {@link AssertionError} naming every mismatch between the exchange and the document. */
    public void check(HttpExchange exchange) {
        ValidationReport report = validate(exchange);
        if (report.hasErrors()) {
            throw new AssertionError(exchange + " does not match " + name + ":\n"
                    + SimpleValidationReportFormat.getInstance().apply(report)
                    + "\nrequest body: " + exchange.requestBody() + "\nresponse body: " + exchange.responseBody());
        }
    }

    /**
     * What is wrong with the response alone, for requests made invalid on purpose (fuzzing): its status must be
     * documented and its body and content type match. Targets that are not URIs name no operation and are skipped.
     * The HTTP server refuses some requests before any operation sees them (malformed encoding 400, no token 401 under
     * /api/, no route 404 or 405, headers too large 413 or 431, a Content-Type the operation does not take 415);
     * each document says so
     * once, in its description, rather than on every operation, so those statuses need not be named there.
     */
    public List<String> responseMismatches(String method, String target, int status, Map<String, String> headers,
                                           String body) {
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        String path = uri.getRawPath() == null ? "" : withoutTrailingSlash(uri.getRawPath());
        if (status == 0 || !path.startsWith("/api/") || !METHODS.contains(method)) {
            return List.of();
        }
        answersAlone.incrementAndGet();
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        headers.forEach(response::withHeader);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        boolean refusedBeforeRouting = REFUSED_BEFORE_ROUTING.contains(status);
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !refusedBeforeRouting || !(NOT_ROUTED.contains(message.getKey())
                        || message.getKey().equals("validation.response.status.unknown")))
                .map(message -> "openapi: " + message.getMessage())
                .toList();
    }

    /** {@link #responseMismatches} as a check of a fuzz campaign's answers. */
    public FuzzCampaign.AnswerCheck asFuzzCheck() {
        return (request, answer) -> responseMismatches(request.method(),
                new String(request.target(), StandardCharsets.UTF_8), answer.status(), answer.headers(), answer.body());
    }

    /** What the validator found; exchanges outside {@code /api/} (health, metrics, the document) are not checked. */
    public ValidationReport validate(HttpExchange exchange) {
        URI target = URI.create(exchange.pathAndQuery());
        String path = withoutTrailingSlash(target.getRawPath());
        if (!path.startsWith("/api/")) {
            return ValidationReport.empty();
        }
        validated.incrementAndGet();
        coverage.record(exchange.method(), path, exchange.status());
        SimpleResponse response = response(exchange);
        ValidationReport report = exchange.succeeded()
                ? validator.validate(request(exchange, path, target.getRawQuery()), response)
                : validator.validateResponse(path, Request.Method.valueOf(exchange.method()), response);
        return exchange.status() == 404 || exchange.status() == 405 ? withoutNotRouted(report) : report;
    }

    public int validated() {
        return validated.get();
    }

    /** How many exchanges were checked, and which documented operations none of them saw succeed. */
    public String summary() {
        List<String> unexercised = coverage.unexercised();
        return "OpenAPI contract " + name + ": " + validated() + " exchanges validated, " + answersAlone.get()
                + " answers to hostile requests validated; "
                + (coverage.operationCount() - unexercised.size()) + " of " + coverage.operationCount()
                + " operations seen succeeding" + (unexercised.isEmpty() ? "" : ", never: " + unexercised);
    }

    /** A path the service does not route answers 404 or 405: a finding only when it answered anything else. */
    private static ValidationReport withoutNotRouted(ValidationReport report) {
        return ValidationReport.from(report.getMessages().stream()
                .filter(message -> !NOT_ROUTED.contains(message.getKey()))
                .toList());
    }

    private static SimpleRequest request(HttpExchange exchange, String path, String query) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), path);
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody() != null && !BODY_WITHOUT_MEANING.contains(exchange.method())) {
            request.withBody(exchange.requestBody());
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                request.withQueryParam(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return request.build();
    }

    private static SimpleResponse response(HttpExchange exchange) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        return response.build();
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
