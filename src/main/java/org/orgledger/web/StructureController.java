package org.orgledger.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.query.StructureReader;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/structure")
class StructureController {

    private final StructureReader reader;
    private final Clock clock;

    StructureController(StructureReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** The structure in force on {@code asOf}, as the ledger knew it at {@code knownAt} (default: now). */
    @GetMapping
    StructureView structure(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        return reader.structure(asOf, knownAt == null ? clock.instant() : knownAt);
    }
}
