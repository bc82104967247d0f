package io.hookline.testkit.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    private static final Set<String> NOT_ROUTED = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    /** A body on these has no meaning in HTTP; some tests send one, and the service rightly ignores it. */
    private static final Set<String> BODY_WITHOUT_MEANING = Set.of("GET", "HEAD", "DELETE");

    private final String name;
    private final OpenApiInteractionValidator validator;
    private final AtomicInteger validated = new AtomicInteger();
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

    /** Prints {@link #summary()} when the test JVM exits, for the contract the API test clients share. */
    public OpenApiContract summarizedAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(summary())));
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
        return "OpenAPI contract " + name + ": " + validated() + " exchanges validated; "
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
