package org.orgledger;

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
        SpringApplication.run(OrgLedgerApplication.class, args);
    }
}
