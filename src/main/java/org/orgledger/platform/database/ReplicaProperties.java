package org.orgledger.platform.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A PostgreSQL streaming replica of the ledger's database that may answer the read queries
 * (decision 0018). Without {@code url} every read goes to the primary.
 *
 * @param url      JDBC URL of the replica ({@code ORGLEDGER_REPLICA_DB_URL}); blank: no replica
 * @param username its user; blank: the primary's
 * @param password its password; blank: the primary's
 * @param maxWait  how long a read that must reflect a client's last write waits for the replica
 *                 to replay it before the primary answers instead (default 500 ms)
 */
@ConfigurationProperties("orgledger.replica")
public record ReplicaProperties(String url, String username, String password, Duration maxWait) {

    public ReplicaProperties {
        maxWait = maxWait == null ? Duration.ofMillis(500) : maxWait;
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
