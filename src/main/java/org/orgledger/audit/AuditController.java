package org.orgledger.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.orgledger.audit.AuditProblem.Code;
import org.orgledger.audit.AuditViews.ConsistencyView;
import org.orgledger.audit.AuditViews.ProofView;
import org.orgledger.audit.AuditViews.SigningKeyView;
import org.orgledger.audit.AuditViews.TreeHeadView;
import org.orgledger.audit.AuditViews.TreeHeadsView;
import org.orgledger.audit.AuditViews.VerificationView;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.ledger.InvalidInput;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.LedgerText;
import org.springframework.format.annotation.DateTimeFormat;
import java.nio.charset.StandardCharsets;
import org.orgledger.audit.note.NoteVerifierKey;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's interface: the log with its hashes, verification, signed roots and proofs, the export. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final int MAX_FILTER_LENGTH = 200;

    private final LedgerAudit audit;
    private final EventLog log;
    private final TreeHeadLog heads;
    private final LogExport export;
    private final LedgerSigner signer;
    private final CheckpointLog checkpoints;

    AuditController(LedgerAudit audit, EventLog log, TreeHeadLog heads, LogExport export, LedgerSigner signer,
                    CheckpointLog checkpoints) {
        this.audit = audit;
        this.log = log;
        this.heads = heads;
        this.export = export;
        this.signer = signer;
        this.checkpoints = checkpoints;
    }

    /** Events in recorded (sequence) order, each with its chain hash and the one before it. */
    @GetMapping("/log")
    AuditLogPage log(@RequestParam(defaultValue = "0") long afterSequence,
                     @RequestParam(defaultValue = "100") int limit,
                     @RequestParam(required = false) String unitId,
                     @RequestParam(required = false) String instrument,
                     @RequestParam(required = false) String recordedBy,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedFrom,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedTo) {
        return log.page(new AuditLogFilter(afterSequence, limit, filterText("unitId", unitId),
                filterText("instrument", instrument), filterText("recordedBy", recordedBy),
                LedgerDates.require("recordedFrom", recordedFrom), LedgerDates.require("recordedTo", recordedTo)));
    }

    /**
     * A filter value PostgreSQL can compare with: no control character (a NUL cannot even be sent to
     * it) and no lone surrogate; anything else simply matches nothing.
     */
    private static String filterText(String field, String value) {
        if (value == null) {
            return null;
        }
        boolean unusable = value.length() > MAX_FILTER_LENGTH || value.chars().anyMatch(Character::isISOControl)
                || !LedgerText.isWellFormed(value);
        if (unusable) {
            throw InvalidInput.of(field, "must be at most " + MAX_FILTER_LENGTH
                    + " characters of well-formed text without control characters");
        }
        return value;
    }

    @GetMapping("/verify")
    VerificationView verify() {
        LedgerAudit.Audited audited = audit.audit();
        return VerificationView.of(audited.verdict(), audited.timestamps());
    }

    /** The newest signed tree head: the root every proof is given against. */
    @GetMapping("/root")
    TreeHeadView root() {
        return TreeHeadView.of(audit.currentHead());
    }

    /** Every signed tree head, oldest first (one per event), to keep and compare later. */
    @GetMapping("/roots")
    TreeHeadsView roots(@RequestParam(defaultValue = "0") long afterSize,
                        @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be within 1..1000");
        }
        var page = heads.page(afterSize, limit + 1);
        var shown = page.subList(0, Math.min(limit, page.size())).stream().map(TreeHeadView::of).toList();
        return new TreeHeadsView(shown, page.size() > limit ? shown.get(shown.size() - 1).treeSize() : null);
    }

    /** The public key that verifies the tree heads' signatures. */
    @GetMapping("/key")
    SigningKeyView key() {
        return new SigningKeyView(signer.keyId(), "Ed25519", Ed25519Keys.publicKeyPem(signer.publicKey()));
    }

    /**
     * The newest tree (or the tree of {@code size}) as a C2SP checkpoint in a signed note, with the
     * cosignatures of the witnesses that have cosigned it (docs/audit-chain.md, "Checkpoints").
     */
    @GetMapping("/checkpoint")
    ResponseEntity<String> checkpoint(@RequestParam(required = false) Long size) {
        long treeSize = size != null ? size : checkpoints.latest().map(CheckpointLog.StoredCheckpoint::treeSize)
                .orElseThrow(() -> new AuditProblem(Code.UNKNOWN_CHECKPOINT, "no checkpoint has been signed yet"));
        return note(checkpoints.cosigned(treeSize).orElseThrow(() -> new AuditProblem(Code.UNKNOWN_CHECKPOINT,
                "no checkpoint of size " + treeSize + " (checkpoints exist for trees signed since V50)")).render());
    }

    /** The key that verifies the checkpoints, in the signed-note verifier-key text form. */
    @GetMapping("/checkpoint/verifier-key")
    ResponseEntity<String> checkpointVerifierKey() {
        return note(signer.verifierKey().encode() + "\n");
    }

    /** Every key that has signed this ledger (old keys after a rotation too), one verifier key per line. */
    @GetMapping("/checkpoint/verifier-keys")
    ResponseEntity<String> checkpointVerifierKeys() {
        StringBuilder keys = new StringBuilder();
        new java.util.TreeMap<>(heads.keys()).values().forEach(key ->
                keys.append(NoteVerifierKey.ed25519(signer.origin(), key).encode()).append('\n'));
        return note(keys.toString());
    }

    private static ResponseEntity<String> note(String text) {
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(text);
    }

    /** Inclusion proof of event {@code sequence} against the current root (or the signed tree of {@code treeSize}). */
    @GetMapping("/proof")
    ProofView proof(@RequestParam long sequence, @RequestParam(required = false) Long treeSize) {
        return audit.inclusionProof(sequence, treeSize);
    }

    /** Consistency proof: the tree of size {@code from} is a prefix of the tree of size {@code to} (default: current). */
    @GetMapping("/consistency")
    ConsistencyView consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return audit.consistencyProof(from, to);
    }

    @GetMapping("/export")
    void export(@RequestParam(defaultValue = "jsonl") String format, HttpServletResponse response) throws IOException {
        switch (format) {
            case "jsonl" -> {
                start(response, "application/x-ndjson", "orgledger-log.jsonl");
                export.writeJsonLines(response.getOutputStream());
            }
            case "csv" -> {
                start(response, "text/csv;charset=UTF-8", "orgledger-log.csv");
                export.writeCsv(response.getOutputStream());
            }
            default -> throw new AuditProblem(Code.UNSUPPORTED_FORMAT, "format must be jsonl or csv, not " + format);
        }
    }

    private static void start(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }
}
