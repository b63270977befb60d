package org.orgledger.platform.database;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's DataSource when a read replica is configured: every connection comes from the
 * primary, except on a thread inside {@link #onReplica}, where it comes from the replica. The web
 * layer runs a read query there only after it has checked that the replica reflects what the
 * client must see; everything else (writes, the event processors, Flyway, maintenance) never sets
 * it, so it cannot write to the replica by accident (which PostgreSQL would refuse anyway).
 */
public final class ReadRouting extends DelegatingDataSource implements Closeable {

    private static final ThreadLocal<Boolean> ON_REPLICA = ThreadLocal.withInitial(() -> false);

    private final DataSource replica;

    ReadRouting(DataSource primary, DataSource replica) {
        super(primary);
        this.replica = replica;
    }

    /** The replica's own pool (to look at its position). */
    public DataSource replica() {
        return replica;
    }

    /** Runs {@code work} with this thread's connections taken from the replica. */
    public static <T> T onReplica(Callable<T> work) throws Exception {
        ON_REPLICA.set(true);
        try {
            return work.call();
        } finally {
            ON_REPLICA.remove();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ON_REPLICA.get() ? replica.getConnection() : super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return ON_REPLICA.get() ? replica.getConnection(username, password) : super.getConnection(username, password);
    }

    @Override
    public void close() {
        closeIfClosable(replica);
        closeIfClosable(getTargetDataSource());
    }

    private static void closeIfClosable(DataSource dataSource) {
        if (dataSource instanceof AutoCloseable closable) {
            try {
                closable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close a connection pool", e);
            }
        }
    }
}
