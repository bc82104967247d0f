package io.hookline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a service is started, the same here and in the container image: {@code java <JVM options> -jar <jar>}, where
 * the jar is the service's thin jar with its dependencies in {@code lib/} beside it.
 *
 * @param jvmOptions       options before {@code -jar}
 * @param systemProperties {@code -D} settings after the options ({@code ./run-local} passes its settings so; the
 *                         image takes environment variables instead)
 * @param jar              the service's jar
 */
public record ServiceCommand(List<String> jvmOptions, Map<String, String> systemProperties, Path jar) {

    /** The production JVM options, one a line: the image passes this file to {@code java} as an @-file. */
    public static final String PRODUCTION_JVM_OPTIONS_FILE = "deploy/docker/jvm.options";
    /** Where the image keeps the options file and the jar (its lib/ beside it). */
    public static final String IMAGE_JVM_OPTIONS = "/app/jvm.options";
    public static final Path IMAGE_JAR = Path.of("/app/service.jar");

    public ServiceCommand {
        jvmOptions = List.copyOf(jvmOptions);
        systemProperties = Map.copyOf(systemProperties);
    }

    /** The command line the container image runs (its ENTRYPOINT). */
    public static ServiceCommand image() {
        return new ServiceCommand(List.of("@" + IMAGE_JVM_OPTIONS), Map.of(), IMAGE_JAR);
    }

    /** Where {@code ./mvnw package} leaves a service's jar: {@code <module>/target/<module>.jar}, lib/ beside it. */
    public static Path jar(Path home, String module) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** The options of {@link #PRODUCTION_JVM_OPTIONS_FILE}, as java reads an @-file: split on white space. */
    public static List<String> productionJvmOptions(Path home) {
        try {
            String text = Files.readString(home.resolve(PRODUCTION_JVM_OPTIONS_FILE)).trim();
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole command line, with this java binary; system properties in name order. */
    public List<String> argv(String java) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        systemProperties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(property -> command.add("-D" + property.getKey() + "=" + property.getValue()));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
