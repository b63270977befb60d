package org.orgledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.orgledger.ledger.InvalidInput;
import org.orgledger.platform.database.ReadRouting;
import org.orgledger.platform.database.ReplicaProperties;
import org.orgledger.platform.eventstore.ReadModelBarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Says on every read query which position of the log its answer reflects, and, with a read replica
 * configured, serves it from the replica when the replica reflects what the client must see
 * (decision 0018). A client that wants its own writes sends the {@code sequence} of its last
 * command's receipt (or the highest position it has been answered) as {@link #MIN_POSITION}: the
 * replica answers once it has replayed that far, waiting at most {@code orgledger.replica.max-wait},
 * else the primary answers.
 */
@Component
@Order(0)
public class ConsistentReads extends OncePerRequestFilter {

    /** Response: every read model behind the answer has processed the log at least this far. */
    public static final String LOG_POSITION = "OrgLedger-Log-Position";
    /** Request: the answer must reflect at least this position of the log (a receipt's sequence). */
    public static final String MIN_POSITION = "OrgLedger-Min-Log-Position";
    /** Response: {@code primary} or {@code replica}, the database that answered. */
    public static final String READ_FROM = "OrgLedger-Read-From";
    /** The read queries: answered from the read models only, so a replica can answer them. */
    static final List<String> QUERY_PATHS = List.of("/api/structure", "/api/timeline", "/api/units/",
            "/api/instruments", "/api/export/");

    private static final Logger log = LoggerFactory.getLogger(ConsistentReads.class);
    private static final long REPLICA_POLL_MS = 20;

    private final ReadModelBarrier readModels;
    private final JdbcTemplate primary;
    private final JdbcTemplate replica;
    private final ReplicaProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    ConsistentReads(ReadModelBarrier readModels, DataSource dataSource, JdbcTemplate jdbc, ReplicaProperties properties,
                    ObjectMapper json, Clock clock) {
        this.readModels = readModels;
        this.primary = jdbc;
        this.replica = dataSource instanceof ReadRouting routing ? new JdbcTemplate(routing.replica()) : null;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    static boolean isQuery(String path) {
        return QUERY_PATHS.stream().anyMatch(path::startsWith);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !isQuery(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long required;
        try {
            required = minimumPosition(request.getHeader(MIN_POSITION));
        } catch (IllegalArgumentException refused) {
            Problems.write(response, json, Problems.invalid(refused.getMessage(),
                    List.of(new InvalidInput.FieldError(MIN_POSITION, refused.getMessage()))));
            return;
        }
        if (replica != null && replicaReflects(required)) {
            long position = Math.max(required, readModels.reflectedPosition(replica));
            answer(response, "replica", position);
            try {
                ReadRouting.onReplica(() -> {
                    chain.doFilter(request, response);
                    return null;
                });
            } catch (IOException | ServletException | RuntimeException failed) {
                throw failed;
            } catch (Exception unexpected) {
                throw new ServletException(unexpected);
            }
            return;
        }
        if (required > 0) {
            readModels.awaitProcessed(required, properties.maxWait());
        }
        answer(response, "primary", readModels.reflectedPosition(primary));
        chain.doFilter(request, response);
    }

    /** Whether the replica has replayed {@code required}, waiting for it at most the configured time. */
    private boolean replicaReflects(long required) {
        Instant deadline = clock.instant().plus(properties.maxWait());
        try {
            while (!readModels.reflects(required, replica)) {
                if (!clock.instant().isBefore(deadline)) {
                    return false;
                }
                Thread.sleep(REPLICA_POLL_MS);
            }
            return true;
        } catch (DataAccessException unreachable) {
            // a replica that is down or restarting must not fail reads the primary can answer
            log.warn("the read replica did not answer ({}); the primary answers", unreachable.getMostSpecificCause().getMessage());
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void answer(HttpServletResponse response, String source, long position) {
        response.setHeader(LOG_POSITION, Long.toString(position));
        response.setHeader(READ_FROM, source);
    }

    private static long minimumPosition(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(header.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException(MIN_POSITION + " must be a position of the log (a receipt's sequence, 0 or more)");
    }
}
