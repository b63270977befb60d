package org.orgledger.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier's command line; its checks on real exports are in AuditHttpIT. */
class VerifyCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void without_a_file_it_prints_its_usage_and_exits_with_2() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: verify --file");
        assertThat(run("--bogus", "x")).isEqualTo(2);
    }

    @Test
    void an_unreadable_file_exits_with_2() {
        assertThat(run("--file", directory.resolve("missing.jsonl").toString())).isEqualTo(2);
    }

    @Test
    void an_export_of_an_empty_ledger_is_valid() throws Exception {
        Path file = Files.writeString(directory.resolve("empty.jsonl"),
                "{\"record\":\"export\",\"format\":\"orgledger-export-v1\"}\n");
        assertThat(run("--file", file.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"valid\":true").contains("\"eventsChecked\":0");
    }

    @Test
    void a_file_that_is_not_an_orgledger_export_is_refused() throws Exception {
        Path file = Files.writeString(directory.resolve("other.jsonl"), "{\"record\":\"export\",\"format\":\"other\"}\n");
        assertThat(run("--file", file.toString())).isEqualTo(2);
    }
}
