package org.orgledger;

import org.orgledger.audit.cli.VerifyCommand;
import org.orgledger.importing.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OrgLedgerApplication {

    public static void main(String[] args) {
        if (ImportCommand.isInvokedBy(args)) {
            System.exit(ImportCommand.run(OrgLedgerApplication.class, args, System.out));
        }
        if (args.length > 0 && VerifyCommand.NAME.equals(args[0])) {
            // Offline verification of an export: no Spring, no database, no web server.
            System.exit(VerifyCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(OrgLedgerApplication.class, args);
    }
}
