package org.orgledger.platform.readmodel;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code --orgledger.read-models.rebuild-on-start=true}: rebuild every read model once the service has started. */
@Component
@ConditionalOnProperty(name = "orgledger.read-models.rebuild-on-start", havingValue = "true")
class RebuildOnStart implements ApplicationRunner {

    private final ReadModelMaintenance maintenance;

    RebuildOnStart(ReadModelMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        maintenance.rebuild();
    }
}
