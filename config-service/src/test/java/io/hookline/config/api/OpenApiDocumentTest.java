package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.service.openapi.OpenApiDocumentController;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class OpenApiDocumentTest {

    private static ConfigServiceInstance service;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("openapi");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldServeAnOpenApi3DocumentCoveringEveryApiRouteWithoutAToken() {
        var response = service.client().get("/openapi.yml");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/yaml");
        assertThat(response.body()).as("the document the API tests check against")
                .isEqualTo(classpathDocument());
        Map<String, Object> document = new Yaml().load(response.body());
        assertThat(document.get("openapi").toString()).startsWith("3.");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<UriRouteInfo<?, ?>> routes = new ArrayList<>();
        service.context().getBean(Router.class).uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/"))
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .forEach(routes::add);
        assertThat(routes).hasSizeGreaterThanOrEqualTo(13);
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toString();
            assertThat(paths).as("paths of the OpenAPI document").containsKey(path);
            assertThat(paths.get(path)).as(path).containsKey(route.getHttpMethodName().toLowerCase());
        }
        List<Object> operationIds = new ArrayList<>();
        paths.values().forEach(pathItem -> pathItem.forEach((key, operation) -> {
            if (!key.equals("parameters")) {
                operationIds.add(((Map<String, Object>) operation).get("operationId"));
            }
        }));
        assertThat(operationIds).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void shouldServeSwaggerUiForTheDocumentFromTheJarWithoutAToken() {
        var page = service.client().get("/swagger-ui");
        var script = service.client().get("/swagger-ui/swagger-ui-bundle.js");
        var style = service.client().get("/swagger-ui/swagger-ui.css");
        var other = service.client().get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("url: \"/openapi.yml\"", "src=\"/swagger-ui/swagger-ui-bundle.js\"",
                "href=\"/swagger-ui/swagger-ui.css\"", "validatorUrl: null").doesNotContain("http://", "https://");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("application/javascript");
        assertThat(script.body()).contains("SwaggerUIBundle");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
        assertThat(other.status()).as("only the two assets the page needs").isEqualTo(404);
    }

    private static String classpathDocument() {
        try (var in = OpenApiDocumentTest.class.getClassLoader()
                .getResourceAsStream(OpenApiDocumentController.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
