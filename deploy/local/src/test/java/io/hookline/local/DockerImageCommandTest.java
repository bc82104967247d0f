package io.hookline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The container image starts a service as ./run-local does: the same jar layout and {@link ServiceCommand}. */
class DockerImageCommandTest {

    private static final Path HOME = Path.of(System.getProperty("hookline.home", "../..")).toAbsolutePath().normalize();
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String dockerfile = read("deploy/docker/Dockerfile");

    @Test
    void entrypointIsTheServiceCommandOfTheImage() {
        assertThat(instruction("ENTRYPOINT")).isEqualTo(ServiceCommand.image().argv("java"));
        assertThat(dockerfile).doesNotContain("\nCMD ");
    }

    @Test
    void theImageHoldsTheJarAndItsLibFolderWhereThePackagedServiceHasThem() {
        Path jar = ServiceCommand.jar(Path.of("/src"), "${SERVICE}");

        assertThat(dockerfile).contains("COPY --from=build " + jar.resolveSibling("lib") + "/ "
                + ServiceCommand.IMAGE_JAR.resolveSibling("lib") + "/\n");
        assertThat(dockerfile).contains("COPY --from=build " + jar + " " + ServiceCommand.IMAGE_JAR + "\n");
        assertThat(ServiceCommand.jar(HOME, "config-service"))
                .isEqualTo(HOME.resolve("config-service/target/config-service.jar"));
    }

    @Test
    void theImagePassesTheProductionJvmOptionsFile() {
        assertThat(dockerfile).contains("COPY " + ServiceCommand.PRODUCTION_JVM_OPTIONS_FILE + " "
                + ServiceCommand.IMAGE_JVM_OPTIONS + "\n");
        // The heap follows the container's memory limit (the chart sets one), and an OutOfMemoryError restarts the pod.
        assertThat(ServiceCommand.productionJvmOptions(HOME))
                .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
                .allMatch(option -> option.startsWith("-X"));
    }

    @Test
    void runLocalStartsTheSameShapeOfCommandWithItsSettingsAsSystemProperties() {
        Path jar = ServiceCommand.jar(HOME, "log-service");
        List<String> command = ServiceProcess.command(jar, 18084, Map.of("hookline.local-mode", "true"),
                "-Xmx512m  -XX:+UseSerialGC");

        assertThat(command.subList(1, command.size())).containsExactly("-Xmx512m", "-XX:+UseSerialGC",
                "-Dhookline.local-mode=true", "-Dmicronaut.server.port=18084", "-jar", jar.toString());
        assertThat(command.get(0)).endsWith("/bin/java");
        assertThat(ServiceCommand.image().argv("java")).containsExactly("java", "@/app/jvm.options", "-jar",
                "/app/service.jar");
    }

    @Test
    void runtimeIsAPinnedJreRunAsUid10001WithAHealthCheckOnHealth() {
        List<String> bases = new ArrayList<>();
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        while (from.find()) {
            bases.add(from.group(1));
        }
        assertThat(bases).hasSize(2);
        assertThat(bases.get(bases.size() - 1)).matches("eclipse-temurin:17\\.0\\.\\d+(\\.\\d+)?_\\d+-jre");
        assertThat(dockerfile).containsPattern("(?m)^USER 10001(:10001)?$")
                .containsPattern("(?m)^RUN --mount=type=cache,target=/root/.m2 \\\\\\n\\s+.*\\./mvnw -B -q -Dmaven\\.test\\.skip=true .*package$")
                .containsPattern("(?m)^ARG SERVICE$");
        assertThat(instruction("HEALTHCHECK")).containsExactly("bash", "/app/healthcheck");
        assertThat(read("deploy/docker/healthcheck")).contains("GET /health ").contains(" 200");
        assertThat(read(".dockerignore").lines()).contains("**/target/", "data/", ".git");
    }

    /** The JSON array of an exec-form instruction. */
    private List<String> instruction(String name) {
        Matcher line = Pattern.compile("(?m)^" + name + " .*?(\\[.*])$").matcher(dockerfile);
        assertThat(line.find()).as(name + " in exec form").isTrue();
        List<String> words = new ArrayList<>();
        Matcher word = JSON_STRING.matcher(line.group(1));
        while (word.find()) {
            words.add(word.group(1));
        }
        return words;
    }

    private static String read(String file) {
        try {
            return Files.readString(HOME.resolve(file));
        } catch (IOException e) {
            throw new AssertionError(file + " is missing", e);
        }
    }
}
