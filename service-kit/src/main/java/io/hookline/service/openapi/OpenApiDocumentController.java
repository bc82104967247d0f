package io.hookline.service.openapi;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the service's OpenAPI document, {@value #RESOURCE} on its classpath, at {@code GET /openapi.yml}. It is
 * outside {@code /api/**}, so it needs no token, like {@code /health}: it describes the API and holds no data.
 */
@Controller
@Requires(resources = "classpath:" + OpenApiDocumentController.RESOURCE)
public final class OpenApiDocumentController {

    public static final String RESOURCE = "hookline/openapi.yml";
    public static final String PATH = "/openapi.yml";
    private static final String YAML = "application/yaml";

    private final byte[] document;

    public OpenApiDocumentController() {
        this.document = read();
    }

    @Get(PATH)
    @Produces(YAML)
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(YAML);
    }

    private static byte[] read() {
        try (InputStream in = OpenApiDocumentController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
