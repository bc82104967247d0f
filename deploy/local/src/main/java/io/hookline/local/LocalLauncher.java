package io.hookline.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./run-local}: starts the local stack, prints the READY line, and stops everything on Ctrl-C. The broker's and
 * services' own logs go to files under the data dir; the console gets a short summary.
 */
public final class LocalLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLauncher.class);

    private LocalLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("hookline.home", ".")).toAbsolutePath().normalize();
        LocalSettings settings = LocalSettings.fromEnvironment(home, System.getenv());
        LOG.info("Data in {}; logs in {}", settings.dataDir(), settings.logDir());
        LOG.info("Starting Kafka on {} and the four services...", settings.bootstrapServers());
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Hookline...");
            stack.close();
            LOG.info("Stopped.");
            stopped.countDown();
        }, "hookline-stop"));
        for (ServiceProcess service : stack.services()) {
            LOG.info("{} {} (log: {})", service.service().module(), service.url(), service.logFile());
        }
        System.out.println(readyLine(settings, stack));
        stopped.await();
    }

    static String readyLine(LocalSettings settings, LocalStack stack) {
        StringBuilder line = new StringBuilder("READY");
        for (Service service : Service.values()) {
            line.append(' ').append(service.shortName()).append('=').append(stack.url(service));
        }
        line.append(" kafka=").append(settings.bootstrapServers());
        line.append(" admin-token=").append(stack.adminToken());
        return line.toString();
    }
}
