package io.hookline.service.openapi;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * A Swagger UI page for the service's OpenAPI document at {@code GET /swagger-ui}, with its script and style served
 * from the swagger-ui webjar on the classpath: nothing is loaded from elsewhere, so it works offline and behind a
 * firewall. Like the document, it is public and holds no data; calls made from it need a token.
 */
@Controller(SwaggerUiController.PATH)
@Requires(resources = {"classpath:" + OpenApiDocumentController.RESOURCE, "classpath:" + SwaggerUiController.WEBJAR})
public final class SwaggerUiController {

    public static final String PATH = "/swagger-ui";
    static final String WEBJAR = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui-bundle.js", "application/javascript",
            "swagger-ui.css", "text/css");
    // validatorUrl null: the default would send the document to a public validator.
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>%s API</title>
              <link rel="stylesheet" href="%s/swagger-ui.css">
            </head>
            <body>
              <div id="ui"></div>
              <script src="%s/swagger-ui-bundle.js"></script>
              <script>
                SwaggerUIBundle({url: "%s", dom_id: "#ui", validatorUrl: null});
              </script>
            </body>
            </html>
            """;

    private final String assetRoot;
    private final String page;

    public SwaggerUiController(@Value("${micronaut.application.name:Hookline}") String serviceName) {
        this.assetRoot = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
        this.page = PAGE.formatted(serviceName, PATH, PATH, OpenApiDocumentController.PATH);
    }

    @Get
    public HttpResponse<String> page() {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Get("/{asset}")
    public HttpResponse<byte[]> asset(@PathVariable String asset) {
        String contentType = ASSETS.get(asset);
        if (contentType == null) {
            return HttpResponse.status(HttpStatus.NOT_FOUND);
        }
        return HttpResponse.ok(read(assetRoot + asset)).contentType(contentType);
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource(WEBJAR)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + WEBJAR, e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SwaggerUiController.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }
}
