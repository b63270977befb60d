package org.orgledger.platform.transaction;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Work that one node at a time may do, however many nodes share the database: a PostgreSQL
 * session-level advisory lock, held on a connection of its own for as long as the work runs
 * (the work's own transactions use other connections). A node that dies loses its connection,
 * and with it the lock: nothing is left to clean up.
 */
public final class NodeExclusive {

    /** The first-start dataset load ("OLdatast"). */
    public static final long DATASET_LOAD = 0x4f4c646174617374L;
    /** A read-model rebuild or consistency check ("OLrdmdl!"). */
    public static final long READ_MODEL_MAINTENANCE = 0x4f4c72646d646c21L;
    /** Held while a rebuild takes every read-model segment: other nodes claim none meanwhile ("OLrebild"). */
    public static final long READ_MODEL_REBUILD = 0x4f4c726562696c64L;

    private NodeExclusive() {
    }

    /** Waits for the lock, then runs {@code work} holding it. */
    public static <T> T run(JdbcTemplate jdbc, long key, Supplier<T> work) {
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            try (var lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
            try {
                return work.get();
            } finally {
                unlock(connection, key);
            }
        });
    }

    /** Runs {@code work} holding the lock if no other session holds it; empty, without running it, if one does. */
    public static <T> Optional<T> tryRun(JdbcTemplate jdbc, long key, Supplier<T> work) {
        return jdbc.execute((ConnectionCallback<Optional<T>>) connection -> {
            try (var lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (var result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            try {
                return Optional.of(work.get());
            } finally {
                unlock(connection, key);
            }
        });
    }

    private static void unlock(java.sql.Connection connection, long key) throws java.sql.SQLException {
        try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        }
    }
}
