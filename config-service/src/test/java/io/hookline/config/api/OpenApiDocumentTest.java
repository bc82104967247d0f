package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ConfigServiceInstance;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
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
    void shouldServeAnOpenApi3DocumentCoveringEveryApiRoute() {
        var response = service.client().get("/openapi.yml");

        assertThat(response.status()).isEqualTo(200);
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
        paths.values().forEach(operations -> operations.values().forEach(operation ->
                operationIds.add(((Map<String, Object>) operation).get("operationId"))));
        assertThat(operationIds).doesNotContainNull().doesNotHaveDuplicates();
    }
}
