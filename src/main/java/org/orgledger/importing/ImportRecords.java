package org.orgledger.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The files imported so far, by the SHA-256 of their bytes. */
@Component
class ImportRecords {

    private final JdbcTemplate jdbc;

    ImportRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ImportResult> find(String sha256) {
        return jdbc.query("SELECT instrument, sequences, imported_at FROM import_record WHERE sha256 = ?",
                (rs, i) -> new ImportResult(rs.getString(1), false,
                        Arrays.asList((Long[]) rs.getArray(2).getArray()), rs.getTimestamp(3).toInstant(),
                        "already imported: nothing appended"),
                sha256).stream().findFirst();
    }

    void record(String sha256, String instrument, String fileName, byte[] content, Instant at, String by,
                List<Long> sequences) {
        jdbc.update(con -> {
            var statement = con.prepareStatement("""
                    INSERT INTO import_record (sha256, instrument, file_name, content, imported_at, imported_by, sequences)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""");
            statement.setString(1, sha256);
            statement.setString(2, instrument);
            statement.setString(3, fileName);
            statement.setBytes(4, content);
            statement.setTimestamp(5, Timestamp.from(at));
            statement.setString(6, by);
            statement.setArray(7, con.createArrayOf("bigint", sequences.toArray()));
            return statement;
        });
    }
}
