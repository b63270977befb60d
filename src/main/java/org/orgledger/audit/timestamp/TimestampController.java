package org.orgledger.audit.timestamp;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.orgledger.audit.AuditProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RFC 3161 timestamps on the signed tree heads, for a reader to check with any RFC 3161 tool:
 * the token (base64 DER) stamps SHA-256 of {@code statement}, the head's signed statement.
 */
@RestController
@RequestMapping("/api/audit/timestamps")
class TimestampController {

    private final TimestampLog stamps;

    TimestampController(TimestampLog stamps) {
        this.stamps = stamps;
    }

    @GetMapping
    @Operation(operationId = "listTimestamps",
            summary = "The RFC 3161 timestamps on signed tree heads, smallest tree first: {\"timestamps\": [...], \"nextAfterSize\"}")
    TimestampsView list(@RequestParam(defaultValue = "0") long afterSize, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new AuditProblem(AuditProblem.Code.INVALID_LIMIT, "limit must be within 1..1000");
        }
        List<TimestampLog.StoredStamp> page = stamps.page(afterSize, limit + 1);
        List<TimestampView> shown = page.subList(0, Math.min(limit, page.size())).stream()
                .map(TimestampController::view).toList();
        return new TimestampsView(shown, page.size() > limit ? shown.get(shown.size() - 1).treeSize() : null);
    }

    @GetMapping("/{treeSize}")
    @Operation(operationId = "getTimestamp",
            summary = "The RFC 3161 timestamp on the signed tree head of a size, with the statement it stamps")
    TimestampView one(@PathVariable long treeSize) {
        return stamps.ofSize(treeSize).map(TimestampController::view).orElseThrow(() -> new AuditProblem(AuditProblem.Code.UNKNOWN_TIMESTAMP,
                "no timestamp on a tree head of size " + treeSize
                        + " (a head is stamped after it commits, at most once per interval; a later stamp covers it)"));
    }

    private static TimestampView view(TimestampLog.StoredStamp stamp) {
        return new TimestampView(stamp.head().treeSize(), stamp.genTime(), stamp.tsa(),
                new String(stamp.head().statement(), StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(stamp.token()));
    }


    /**
     * @param genTime   the TSA's time in the token (copied out; the token is what counts)
     * @param statement the tree head's signed statement (docs/audit-chain.md): the token's imprint is its SHA-256
     * @param token     the TimeStampToken, base64 of its DER
     */
    record TimestampView(long treeSize, Instant genTime, String tsa, String statement, String token) {
    }

    record TimestampsView(List<TimestampView> timestamps, Long nextAfterSize) {
    }
}
