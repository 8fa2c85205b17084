package io.customeridentity.shared.devdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier run that never stopped cleanly ({@code kill -9}, a crash) left in a development data directory: a
 * PostgreSQL server still running on it, or the {@code postmaster.pid} lock of one that is gone. Called only by the
 * run that holds the {@link DataDirectoryLock}, so no live run of ours can be using that server.
 */
final class OrphanedServer {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

    private OrphanedServer() {}

    /**
     * Stops the PostgreSQL server that {@code postmaster.pid} names if it is one serving this data directory (a smart
     * shutdown, so the data stays intact), or removes the lock file if its process is something else that happens to
     * have the recorded pid; leaves a lock whose process is gone to PostgreSQL, which clears it itself.
     */
    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (RuntimeException unreadable) {
            log.warn("Removing the unreadable PostgreSQL lock file {}", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Found the lock of a development PostgreSQL (pid {}) that is gone; PostgreSQL will clear it", pid);
            return;
        }
        if (isPostgresOf(process.get(), lines, dataDirectory)) {
            stop(process.get(), dataDirectory);
        } else {
            log.warn(
                    "Removing the stale PostgreSQL lock file {}: its pid {} now belongs to another program",
                    pidFile,
                    pid);
            Files.deleteIfExists(pidFile);
        }
    }

    private static boolean isPostgresOf(ProcessHandle process, List<String> pidFileLines, Path dataDirectory)
            throws IOException {
        boolean postgres = process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        if (!postgres || pidFileLines.size() < 2) {
            return false;
        }
        Path recorded = Path.of(pidFileLines.get(1).strip());
        return Files.exists(recorded) && Files.isSameFile(recorded, dataDirectory);
    }

    private static void stop(ProcessHandle server, Path dataDirectory) throws IOException {
        log.warn(
                "Stopping the development PostgreSQL (pid {}) that an earlier run left running on {} (it did not stop"
                        + " cleanly, e.g. after kill -9)",
                server.pid(),
                dataDirectory);
        // SIGTERM: PostgreSQL's smart shutdown, a clean checkpoint. The dead run's connections are already closed.
        server.destroy();
        try {
            server.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            throw new IllegalStateException("The development PostgreSQL (pid " + server.pid() + ") left running on "
                    + dataDirectory + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s; stop it (kill "
                    + server.pid() + ") and start again");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned development PostgreSQL", interrupted);
        } catch (ExecutionException impossible) {
            throw new IOException(impossible);
        }
    }
}
