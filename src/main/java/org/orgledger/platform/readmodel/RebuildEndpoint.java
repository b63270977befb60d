package org.orgledger.platform.readmodel;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/rebuild} rebuilds every read model from the event log;
 * {@code GET /actuator/rebuild} is the dry run: it rebuilds into shadow tables and reports how
 * they differ from the live ones, without touching those.
 */
@Component
@Endpoint(id = "rebuild")
class RebuildEndpoint {

    private final ReadModelMaintenance maintenance;

    RebuildEndpoint(ReadModelMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @WriteOperation
    public ReadModelMaintenance.RebuildReport rebuild() {
        return maintenance.rebuild();
    }

    @ReadOperation
    public ReadModelMaintenance.ConsistencyReport check() {
        return maintenance.check();
    }
}
