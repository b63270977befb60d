package org.orgledger.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.TestProfiles;

/** {@code java -jar target/orgledger.jar import FILE.yaml}, as the README documents it, end to end. */
@Timeout(600)
class ImportCommandIT {

    @TempDir
    Path work;

    @Test
    void the_command_line_import_records_a_file_once_and_the_service_then_shows_it() throws Exception {
        assumeTrue(TestProfiles.active().length == 1, "the command line runs on the embedded default");
        Path dataDir = work.resolve("postgres");
        Path file = work.resolve("bulletin.yaml");
        Files.writeString(file, """
                format: orgledger-bulletin/1
                instrument:
                  symbol: TEST/CLI/1
                  kind: BULLETIN
                  title:
                    en: "Imported from the command line"
                  issuedOn: "2001-01-01"
                  effectiveFrom: "2001-01-01"
                units:
                  - id: cli-office
                    kind: OFFICE
                    name:
                      en: "Command-Line Office"
                    provision: "1"
                """);

        ServiceProcess.Finished first = ServiceProcess.run(dataDir, "import", file.toString());
        assertThat(first.exitStatus()).as(first.output()).isZero();
        assertThat(first.output()).contains("TEST/CLI/1").doesNotContain("HttpSecurity");

        ServiceProcess.Finished again = ServiceProcess.run(dataDir, "import", file.toString());
        assertThat(again.exitStatus()).as(again.output()).isZero();

        try (ServiceProcess service = ServiceProcess.start(dataDir, work.resolve("service.log"))) {
            assertThat(service.get("/api/structure?asOf=2001-06-30", null).toString()).contains("cli-office");
            // imported once: one instrument and one unit, not two of each
            assertThat(service.get("/api/audit/verify", "auditor").path("eventsChecked").asLong()).isEqualTo(2);
        }
    }
}
