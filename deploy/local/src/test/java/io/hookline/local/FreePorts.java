package io.hookline.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Settings for a stack under test: its own data dir and free ports, so tests never meet a running installation. */
final class FreePorts {

    private FreePorts() {
    }

    static LocalSettings settings(Path dataDir) throws IOException {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        Path home = Path.of(System.getProperty("hookline.home", "../..")).toAbsolutePath().normalize();
        return new LocalSettings(home, dataDir, freePort(), freePort(), Map.copyOf(ports), null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
