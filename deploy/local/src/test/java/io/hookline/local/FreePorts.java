package io.hookline.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Settings for a stack under test: its own data dir and free ports, so tests never meet a running installation. */
final class FreePorts {

    private FreePorts() {
    }

    static LocalSettings settings(Path dataDir) throws IOException {
        // Every socket stays open until all ports are chosen: closed one by one, the system may hand one out twice.
        List<ServerSocket> held = new ArrayList<>();
        try {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, freePort(held));
            }
            Path home = Path.of(System.getProperty("hookline.home", "../..")).toAbsolutePath().normalize();
            return new LocalSettings(home, dataDir, freePort(held), freePort(held), Map.copyOf(ports), null);
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    private static int freePort(List<ServerSocket> held) throws IOException {
        ServerSocket socket = new ServerSocket(0);
        held.add(socket);
        return socket.getLocalPort();
    }
}
