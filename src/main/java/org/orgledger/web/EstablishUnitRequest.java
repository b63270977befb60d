package org.orgledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Map;
import org.orgledger.unit.api.UnitKind;

/** Body of {@code POST /api/units}: establish a unit. */
record EstablishUnitRequest(@NotNull String id,
                            @NotNull UnitKind kind,
                            @NotNull Map<String, String> name,
                            String parentId,
                            @NotNull LocalDate effectiveFrom,
                            @NotNull @Valid AuthorityRequest authority) {
}
