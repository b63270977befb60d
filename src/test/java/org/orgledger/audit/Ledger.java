package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.orgledger.audit.chain.Verdict;
import org.orgledger.audit.cli.VerifyCommand;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.orgledger.BulletinUploads;
import org.orgledger.TestUsers;
import org.orgledger.TestInstruments;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Records changes through the public API, as a registrar would; tampers with them as an attacker with the database would. */
final class Ledger {

    private Ledger() {
    }

    /**
     * The verdict on the ledger with {@code tampering} done to it, the immutability triggers (and
     * foreign keys) off; the tampering is rolled back, and the ledger checked to verify again.
     */
    static Verdict tamperedVerdict(TransactionTemplate transactions, JdbcTemplate jdbc, LedgerAudit audit,
                                   Consumer<JdbcTemplate> tampering) {
        Verdict verdict = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("SET LOCAL session_replication_role = replica");
            tampering.accept(jdbc);
            return audit.verify();
        });
        assertThat(audit.verify().valid()).as("the tampering was rolled back").isTrue();
        return verdict;
    }

    /** The offline verifier's exit code, a space, and what it printed, for an export file. */
    static String verifyOffline(Path export, String... more) {
        List<String> args = new ArrayList<>(List.of("--file", export.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + " " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    static long establish(TestRestTemplate http, String id, String kind, String name, String parentId, String instrument) {
        TestInstruments.ensure(http, instrument);
        Map<String, Object> body = new HashMap<>(Map.of(
                "id", id,
                "kind", kind,
                "name", Map.of("en", name),
                "effectiveFrom", "2002-05-15",
                "authority", Map.of("instrument", instrument, "provision", "1")));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        ResponseEntity<JsonNode> receipt = TestUsers.registrar(http).postForEntity("/api/units", body, JsonNode.class);
        assertThat(receipt.getStatusCode()).as("%s", receipt.getBody()).isEqualTo(HttpStatus.CREATED);
        return receipt.getBody().get("sequence").asLong();
    }

    /** Imports a bulletin file (YAML) as a registrar; the import's answer, checked to be a success. */
    static JsonNode importYaml(TestRestTemplate http, String file) {
        ResponseEntity<JsonNode> imported = BulletinUploads.upload(http, file);
        assertThat(imported.getStatusCode().is2xxSuccessful()).as("%s", imported.getBody()).isTrue();
        return imported.getBody();
    }

    static long establish(TestRestTemplate http, String id) {
        return establish(http, id, "OFFICE", "Office " + id, null, "TEST/AUDIT/1");
    }
}
