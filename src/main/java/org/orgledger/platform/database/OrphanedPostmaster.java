package org.orgledger.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the embedded server starts: a PostgreSQL server left running on our data directory by
 * a service that died without stopping it ({@code kill -9}, an OOM kill, a crashed container)
 * would make the new start fail ("Gave up waiting for server to start"). It is stopped here, but
 * only when it is provably an orphan: no live service holds the data directory's lock (zonky's
 * {@code epg-lock}, held for the server's whole life), and the process named in
 * {@code postmaster.pid} is a {@code postgres} whose {@code -D} is this directory. A server of a
 * running service is never touched, so there are never two servers on one directory.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    static final String LOCK_FILE = "epg-lock";

    private OrphanedPostmaster() {
    }

    /**
     * Stops the orphaned server of {@code dataDir}, if any, within {@code patience}; removes a
     * pid file that names a process which is not a server of this directory.
     *
     * @throws IllegalStateException when another live service holds the directory, or the orphan
     *                               does not stop in time
     */
    static void stopIfAny(Path dataDir, Duration patience) throws IOException {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(dataDir.resolve(PostmasterPidFile.NAME))) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                // a live service owns this directory and its server: leave both alone (zonky then refuses
                // to start a second server on it with "could not lock")
                return;
            }
            try {
                Optional<PostmasterPidFile> pidFile = PostmasterPidFile.in(dataDir);
                if (pidFile.isPresent()) {
                    stop(pidFile.get(), dataDir, patience);
                }
            } finally {
                lock.release();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static void stop(PostmasterPidFile pidFile, Path dataDir, Duration patience) throws IOException {
        Optional<ProcessHandle> process = pidFile.pid() > 0 ? ProcessHandle.of(pidFile.pid()) : Optional.empty();
        if (process.isEmpty() || !process.get().isAlive()) {
            // PostgreSQL removes a pid file whose process is gone by itself, after checking that no
            // process of the old server still holds its shared memory; removing it here would skip that check
            log.info("the embedded PostgreSQL of {} was not stopped cleanly; it will recover on start", dataDir);
            return;
        }
        if (!isServerOf(process.get(), dataDir)) {
            // the pid was reused by an unrelated process: PostgreSQL would take it for a running server
            // and refuse to start, so the stale file goes
            log.warn("{} names process {}, which is not a PostgreSQL server of {}: removing the stale file",
                    pidFile.file(), pidFile.pid(), dataDir);
            Files.deleteIfExists(pidFile.file());
            return;
        }
        log.warn("an orphaned embedded PostgreSQL (pid {}, port {}) is still running on {}, left by a service "
                + "that did not stop cleanly: stopping it", pidFile.pid(), pidFile.port(), dataDir);
        // SIGTERM, PostgreSQL's smart shutdown: the dead service's sessions are gone, so it checkpoints and exits
        process.get().destroy();
        try {
            process.get().onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            throw new IllegalStateException("the orphaned PostgreSQL server (pid " + pidFile.pid() + ") on " + dataDir
                    + " did not stop within " + patience.toSeconds() + " s; stop it, then start the service again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not wait for the orphaned PostgreSQL server to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL server", e);
        }
    }

    /** The process is a {@code postgres} server started with {@code -D} on this very directory. */
    static boolean isServerOf(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty() || arguments.isEmpty()
                || !Path.of(command.get()).getFileName().toString().equals("postgres")) {
            return false;
        }
        List<String> args = List.of(arguments.get());
        int flag = args.indexOf("-D");
        return flag >= 0 && flag + 1 < args.size() && sameDirectory(Path.of(args.get(flag + 1)), dataDir);
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
