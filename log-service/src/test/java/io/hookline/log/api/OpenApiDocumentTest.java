package io.hookline.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.log.LogServiceInstance;
import io.hookline.service.openapi.OpenApiDocumentController;
import io.hookline.testkit.SharedKafka;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class OpenApiDocumentTest {

    private static LogServiceInstance log;

    @BeforeAll
    static void start() {
        log = LogServiceInstance.start(SharedKafka.uniqueName("log-openapi") + ".", Map.of());
    }

    @AfterAll
    static void stop() {
        log.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldServeAnOpenApi3DocumentCoveringEveryApiRouteWithoutAToken() {
        HttpResponse<String> response = log.get(OpenApiDocumentController.PATH, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(response.body()).as("the document the API tests check against").isEqualTo(classpathDocument());
        Map<String, Object> document = new Yaml().load(response.body());
        assertThat(document.get("openapi").toString()).startsWith("3.");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<UriRouteInfo<?, ?>> routes = new ArrayList<>();
        log.context().getBean(Router.class).uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/"))
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .forEach(routes::add);
        assertThat(routes).hasSizeGreaterThanOrEqualTo(6);
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toString();
            assertThat(paths).as("paths of the OpenAPI document").containsKey(path);
            assertThat(paths.get(path)).as(path).containsKey(route.getHttpMethodName().toLowerCase());
        }
    }

    @Test
    void shouldServeSwaggerUiForTheDocumentWithoutAToken() {
        HttpResponse<String> page = log.get("/swagger-ui", null);
        HttpResponse<String> script = log.get("/swagger-ui/swagger-ui-bundle.js", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("url: \"/openapi.yml\"");
        assertThat(script.statusCode()).isEqualTo(200);
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
