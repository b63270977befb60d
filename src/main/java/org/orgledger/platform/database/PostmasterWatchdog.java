package org.orgledger.platform.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL has no way to die with the process that started it, and {@code pg_ctl} detaches the
 * server from it. This small shell loop, started beside the server, waits for the service's JVM
 * to end and then stops the server (SIGTERM, a clean shutdown) if it is still the one on our data
 * directory, so that even after {@code kill -9} of the service nothing keeps running. When the
 * watchdog dies too (a power cut, {@code kill -9} of the whole group), {@link OrphanedPostmaster}
 * cleans up on the next start. Unix only; elsewhere the server is left to that start-time check.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    // $1 the service's pid, $2 the server's pid, $3 the data directory: arguments, never spliced into the script
    private static final String SCRIPT = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            args() { if [ -r "/proc/$1/cmdline" ]; then tr '\\000' ' ' < "/proc/$1/cmdline"; else ps -p "$1" -o args=; fi; }
            if args "$2" 2>/dev/null | grep -qF -- "-D $3 "; then kill -TERM "$2"; fi
            """;

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    static Optional<PostmasterWatchdog> watch(long serverPid, Path dataDir) {
        if (System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder("sh", "-c", SCRIPT, "orgledger-postgres-watchdog",
                    Long.toString(ProcessHandle.current().pid()), Long.toString(serverPid), dataDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new PostmasterWatchdog(process));
        } catch (IOException e) {
            log.warn("no watchdog for the embedded PostgreSQL ({}); after a crash the next start stops it", e.getMessage());
            return Optional.empty();
        }
    }

    /** A clean stop: the server is stopped by the service itself, so the watchdog has nothing left to do. */
    @Override
    public void close() {
        process.destroy();
    }
}
