package org.orgledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OrgLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrgLedgerApplication.class, args);
    }
}
