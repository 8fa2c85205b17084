package io.customeridentity.shared.devdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Held by the one run that owns a development data directory: a lock on a file beside it, which the operating system
 * releases however the run ends (even {@code kill -9}), holding the owner's description for a second run to show.
 */
final class DataDirectoryLock implements Closeable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code dataDirectory}: beside it, since PostgreSQL's initdb wants the directory empty. */
    static Path lockFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    /**
     * Takes the lock and records this run as the owner.
     *
     * @throws DevelopmentDatabaseInUse if another run holds it
     */
    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path file = lockFile(dataDirectory);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new DevelopmentDatabaseInUse(dataDirectory, owner.isEmpty() ? "another run" : owner);
        }
        ProcessHandle self = ProcessHandle.current();
        String owner = "pid " + self.pid() + ", started "
                + self.info().startInstant().orElse(Instant.now()).toString();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
