package org.orgledger.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What the other nodes on the same PostgreSQL have just committed, heard as PostgreSQL
 * notifications, which PostgreSQL delivers when, and only if, the sending transaction commits.
 * Each node listens on a connection of its own, on two channels:
 *
 * <ul>
 *   <li>{@link #APPENDED}: every transaction that appends sends one ({@link PendingEventRows});
 *   this node's event reader fetches at once instead of at its next poll (the fetch delay, 200
 *   ms), so the node that runs the read models starts on another node's events at once.</li>
 *   <li>{@link #READ_MODELS}: every read-model batch sends one, with its node's id; a node waiting
 *   to answer a command with its writes visible ({@link ReadModelBarrier}) looks at the tokens
 *   again at once instead of at its next poll (50 ms). A node's own batches are signalled
 *   within the node already ({@link ProcessorProgress}), so it skips its own.</li>
 * </ul>
 *
 * <p>Before, a command answered by a node that does not run the read models waited for both
 * polls (decision 0013; three nodes on one machine, command p50 197 ms). The polls stay as the
 * bound when a notification is lost: the listening connection is opened again after a failure,
 * and nothing but latency depends on it.
 */
@Component
public class NodeNotifications implements SmartLifecycle {

    public static final String APPENDED = "orgledger_appended";
    public static final String READ_MODELS = "orgledger_read_models";
    /** This node (this JVM): the payload of its read-model notifications. */
    public static final String THIS_NODE = UUID.randomUUID().toString();
    private static final int WAIT_MILLIS = 1000;
    private static final long RETRY_MILLIS = 1000;
    private static final Logger log = LoggerFactory.getLogger(NodeNotifications.class);

    private final DataSource dataSource;
    private final LedgerEventStore store;
    private final ProcessorProgress progress;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
    private volatile Thread listener;

    NodeNotifications(DataSource dataSource, LedgerEventStore store, ProcessorProgress progress) {
        this.dataSource = dataSource;
        this.store = store;
        this.progress = progress;
    }

    /** How many appends this node has heard of (for the test that they arrive). */
    long received() {
        return received.get();
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "append-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void heard(PGNotification[] notifications) {
        boolean appended = false;
        boolean readModels = false;
        for (PGNotification notification : notifications) {
            if (APPENDED.equals(notification.getName())) {
                appended = true;
                received.incrementAndGet();
            } else if (READ_MODELS.equals(notification.getName()) && !THIS_NODE.equals(notification.getParameter())) {
                readModels = true;
            }
        }
        if (appended) {
            store.committed();
        }
        if (readModels) {
            progress.signal();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + APPENDED);
                    statement.execute("LISTEN " + READ_MODELS);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        heard(notifications);
                    }
                }
            } catch (SQLException | RuntimeException failure) {
                if (!running) {
                    return;
                }
                log.warn("Listening for other nodes' appends failed ({}); the event reader's poll bounds the delay meanwhile",
                        failure.getMessage());
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
