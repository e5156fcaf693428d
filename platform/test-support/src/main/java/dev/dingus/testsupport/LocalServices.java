package dev.dingus.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the machine's own RabbitMQ, Redis and PostgreSQL for failure tests (the commands the machine
 * uses).
 * Only for tests that prove recovery; they must start what they stopped, also when they fail.
 */
public final class LocalServices {
    private LocalServices() {}

    public static void stopRabbitApp() { run(List.of("rabbitmqctl", "stop_app")); }

    public static void startRabbitApp() {
        run(List.of("rabbitmqctl", "start_app"));
        awaitPort(5672, Duration.ofSeconds(60));
    }

    public static void stopRedis() { run(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave")); }

    public static void startRedis() {
        run(List.of("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "",
                "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"));
        awaitPort(6379, Duration.ofSeconds(30));
    }

    /** A fast shutdown, as for a restart or a failover: open connections are ended, running transactions roll back. */
    public static void stopPostgres() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "stop", "-m", "fast"));
    }

    public static void startPostgres() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start"));
        awaitPort(5432, Duration.ofSeconds(60));
    }

    /** The one cluster's version, as the machine's start command finds it ({@code ls /etc/postgresql}). */
    private static String postgresVersion() {
        try (var versions = java.nio.file.Files.list(java.nio.file.Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no cluster under /etc/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /etc/postgresql", e);
        }
    }

    public static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void awaitPort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (portOpen(port)) return;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Port " + port + " did not open within " + timeout);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
