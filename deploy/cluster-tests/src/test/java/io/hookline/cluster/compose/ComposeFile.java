package io.hookline.cluster.compose;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * A docker-compose file as compose reads it (YAML merge keys resolved), with the few views the checks need. Values
 * are returned as strings, whatever YAML type they were written as.
 */
record ComposeFile(String text, Map<String, Object> root) {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}} and the like; {@code $$} is a dollar. */
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([^}]*)}");

    static ComposeFile read(Path file) throws IOException {
        String text = Files.readString(file);
        try (Reader reader = Files.newBufferedReader(file)) {
            return new ComposeFile(text, new Yaml().load(reader));
        }
    }

    Map<String, Map<String, Object>> services() {
        return map(root.get("services"));
    }

    Map<String, Object> namedVolumes() {
        Map<String, Object> volumes = map(root.get("volumes"));
        return volumes == null ? Map.of() : volumes;
    }

    static String image(Map<String, Object> service) {
        return String.valueOf(service.get("image"));
    }

    /** The build argument {@code SERVICE}: which Hookline service the container runs, or null. */
    static String hooklineService(Map<String, Object> service) {
        Map<String, Object> build = map(service.get("build"));
        if (build == null) {
            return null;
        }
        Map<String, Object> args = map(build.get("args"));
        return args == null ? null : String.valueOf(args.get("SERVICE"));
    }

    static String environment(Map<String, Object> service, String name) {
        Map<String, Object> environment = map(service.get("environment"));
        Object value = environment == null ? null : environment.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** Short-form volume mounts as {@code source -> container path}. */
    static Map<String, String> mounts(Map<String, Object> service) {
        Object volumes = service.get("volumes");
        if (!(volumes instanceof List<?> list)) {
            return Map.of();
        }
        return list.stream().map(String::valueOf).map(mount -> mount.split(":"))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }

    /** The inside of every {@code ${...}} the file interpolates. */
    List<String> interpolations() {
        Matcher matcher = INTERPOLATION.matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }
}
