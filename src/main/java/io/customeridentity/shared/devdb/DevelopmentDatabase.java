package io.customeridentity.shared.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL on a data directory that survives restarts, owned by one run at a time: a second run is
 * refused with a line naming the first, and what a run killed without stopping left behind is cleared first.
 */
final class DevelopmentDatabase implements Closeable {

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private DevelopmentDatabase(DataDirectoryLock lock, EmbeddedPostgres postgres, Path dataDirectory) {
        this.lock = lock;
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static DevelopmentDatabase start(Path configuredDirectory) throws IOException {
        Path dataDirectory = configuredDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
        try {
            OrphanedServer.clear(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            return new DevelopmentDatabase(lock, postgres, dataDirectory);
        } catch (IOException | RuntimeException failed) {
            lock.close();
            throw failed;
        }
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.close();
        }
    }
}
