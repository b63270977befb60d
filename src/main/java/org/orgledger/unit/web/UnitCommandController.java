package org.orgledger.unit.web;

import org.orgledger.web.RecordingLedger;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.orgledger.language.LocalizedText;
import org.orgledger.ledger.InvalidInput;
import org.orgledger.platform.eventstore.CommandReceipt;
import org.orgledger.unit.command.EventLocator;
import org.orgledger.ledger.UnknownTarget;
import org.orgledger.unit.api.AbolishUnit;
import org.orgledger.unit.api.AssignFunction;
import org.orgledger.unit.api.ChangeReportingLine;
import org.orgledger.unit.api.DesignateHead;
import org.orgledger.unit.api.EstablishUnit;
import org.orgledger.unit.api.FunctionId;
import org.orgledger.unit.api.HeadLevel;
import org.orgledger.unit.api.ReaffirmFunction;
import org.orgledger.unit.api.ReaffirmUnit;
import org.orgledger.unit.api.RecordAlternateName;
import org.orgledger.unit.api.RenameUnit;
import org.orgledger.unit.api.RetractChange;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.VacateHead;
import org.orgledger.unit.api.WithdrawFunction;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unit commands. Unit ids contain {@code /}, so the action comes first and the unit id is
 * the rest of the path: {@code POST /api/units/rename/un-habitat/secretariat}. Every command
 * answers with the sequences of the events it recorded.
 */
@RestController
@RequestMapping("/api/units")
class UnitCommandController {

    /** No unit has a change numbered below 0. */
    private static final long NO_SUCH_CHANGE = -1;

    private final RecordingLedger ledger;
    private final EventLocator events;

    UnitCommandController(RecordingLedger ledger, EventLocator events) {
        this.ledger = ledger;
        this.events = events;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CommandReceipt establish(@Valid @RequestBody UnitRequests.Establish request, Principal principal) {
        EstablishUnit command = new EstablishUnit(UnitId.of(request.id()), request.kind(),
                LocalizedText.of(request.name()), request.parentId() == null ? null : UnitId.of(request.parentId()),
                request.effectiveFrom(), request.authority().toAuthority());
        return record(command, principal);
    }

    @PostMapping("/rename/{*unitId}")
    CommandReceipt rename(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Rename request, Principal principal) {
        return record(new RenameUnit(unit(unitId), LocalizedText.of(request.name()), request.effectiveFrom(),
                request.authority().toAuthority()), principal);
    }

    /** Another name an instrument gives the unit, besides its name (e.g. the bracketed name in a section heading). */
    @PostMapping("/alternate-name/{*unitId}")
    CommandReceipt recordAlternateName(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Rename request,
                                       Principal principal) {
        return record(new RecordAlternateName(unit(unitId), LocalizedText.of(request.name()), Map.of(),
                request.effectiveFrom(), request.authority().toAuthority()), principal);
    }

    @PostMapping("/reporting-line/{*unitId}")
    CommandReceipt changeReportingLine(@PathVariable String unitId,
                                       @Valid @RequestBody UnitRequests.ChangeReportingLine request, Principal principal) {
        UnitId parent = request.parentId() == null ? null : UnitId.of(request.parentId());
        return record(new ChangeReportingLine(unit(unitId), parent, request.effectiveFrom(),
                request.authority().toAuthority()), principal);
    }

    @PostMapping("/head/{*unitId}")
    CommandReceipt designateHead(@PathVariable String unitId, @Valid @RequestBody UnitRequests.DesignateHead request,
                                 Principal principal) {
        HeadLevel level = request.level() == null ? null : HeadLevel.of(request.level());
        return record(new DesignateHead(unit(unitId), LocalizedText.of(request.title()), level,
                request.effectiveFrom(), request.authority().toAuthority()), principal);
    }

    @PostMapping("/vacate-head/{*unitId}")
    CommandReceipt vacateHead(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Dated request,
                              Principal principal) {
        return record(new VacateHead(unit(unitId), request.effectiveFrom(), request.authority().toAuthority()), principal);
    }

    @PostMapping("/functions/{*unitId}")
    CommandReceipt assignFunction(@PathVariable String unitId, @Valid @RequestBody UnitRequests.AssignFunction request,
                                  Principal principal) {
        return record(new AssignFunction(unit(unitId), FunctionId.of(request.functionId()),
                LocalizedText.of(request.text()), request.effectiveFrom(), request.authority().toAuthority()), principal);
    }

    @PostMapping("/withdraw-function/{*unitId}")
    CommandReceipt withdrawFunction(@PathVariable String unitId, @Valid @RequestBody UnitRequests.FunctionChange request,
                                    Principal principal) {
        return record(new WithdrawFunction(unit(unitId), FunctionId.of(request.functionId()),
                request.effectiveFrom(), request.authority().toAuthority()), principal);
    }

    /** A later instrument grounds the function again, so it survives its first ground's supersession. */
    @PostMapping("/reaffirm-function/{*unitId}")
    CommandReceipt reaffirmFunction(@PathVariable String unitId, @Valid @RequestBody UnitRequests.FunctionChange request,
                                    Principal principal) {
        return record(new ReaffirmFunction(unit(unitId), FunctionId.of(request.functionId()),
                request.effectiveFrom(), request.authority().toAuthority()), principal);
    }

    /** A later instrument grounds the unit (and its head) again. */
    @PostMapping("/reaffirm/{*unitId}")
    CommandReceipt reaffirm(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Dated request,
                            Principal principal) {
        return record(new ReaffirmUnit(unit(unitId), request.effectiveFrom(), request.authority().toAuthority()), principal);
    }

    @PostMapping("/abolish/{*unitId}")
    CommandReceipt abolish(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Abolish request,
                           Principal principal) {
        List<UnitId> successors = request.successorIds() == null ? List.of()
                : request.successorIds().stream().map(UnitId::of).toList();
        return record(new AbolishUnit(unit(unitId), request.closure(), successors, request.effectiveFrom(),
                request.authority().toAuthority()), principal);
    }

    /** Retract one recorded change of the unit, named by its global sequence. */
    @PostMapping("/retract/{*unitId}")
    CommandReceipt retract(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Retract request,
                           Principal principal) {
        UnitId unit = unit(unitId);
        // a sequence that is no change of this unit is refused by the unit's own guard (CHANGE_NOT_RETRACTABLE)
        long changeNumber = events.changeNumberOf(request.sequence(), unit.value()).orElse(NO_SUCH_CHANGE);
        return record(new RetractChange(unit, request.sequence(), changeNumber, request.reason(),
                request.authority().toAuthority()), principal);
    }

    /**
     * OPTIONS on the collection and the command paths: POST only. Without this, Spring would
     * advertise GET too, because the history's {@code GET /api/units/{*path}} also matches them.
     */
    @io.swagger.v3.oas.annotations.Hidden
    @RequestMapping(method = RequestMethod.OPTIONS, path = {"", "/rename/**", "/reporting-line/**", "/head/**",
            "/vacate-head/**", "/functions/**", "/withdraw-function/**", "/reaffirm-function/**", "/reaffirm/**",
            "/abolish/**", "/retract/**"})
    ResponseEntity<Void> commandOptions() {
        return ResponseEntity.ok().allow(HttpMethod.POST, HttpMethod.OPTIONS).build();
    }

    /** Every command of this controller targets a unit: an unknown target is an unknown unit. */
    private CommandReceipt record(Object command, Principal principal) {
        return ledger.record(command, principal, UnknownTarget::unit);
    }

    /** A {@code {*unitId}} capture starts with {@code /}. */
    static UnitId unit(String capturedPath) {
        try {
            return UnitId.of(capturedPath.isEmpty() ? "" : capturedPath.substring(1));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("unitId", "must be a unit id: a lowercase slug path such as un-habitat/research-division");
        }
    }
}
