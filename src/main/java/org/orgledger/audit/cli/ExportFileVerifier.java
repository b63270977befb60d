package org.orgledger.audit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.orgledger.audit.chain.ChainEntry;
import org.orgledger.audit.chain.ChainVerifier;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.audit.chain.SignedTreeHead;
import org.orgledger.audit.chain.StoredEvent;
import org.orgledger.audit.chain.Verdict;
import org.orgledger.audit.note.SignedNote;
import org.orgledger.audit.timestamp.Stamp;
import org.orgledger.audit.timestamp.StampCheck;
import org.orgledger.audit.timestamp.StampReport;
import org.orgledger.audit.timestamp.StampVerifier;

/**
 * Verifies a JSON Lines export offline, with the same checks as the service: no database, no
 * Spring. Events are checked in the order of the file, so moved lines are reported too; the
 * readable copies in each event line must match the hashed bytes ({@link ReadableFields}); and,
 * given the checkpoint a reader kept, the export must extend it ({@link KeptCheckpoint}); given the
 * TSA certificate to trust, the RFC 3161 timestamps in the export must prove its tree heads in time
 * ({@link StampCheck}, the service's rules).
 */
public final class ExportFileVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final List<PublicKey> pinnedKeys;
    private final SignedNote keptCheckpoint;
    private final StampVerifier tsa;
    private final Duration maxStampDelay;

    /** The service's default for orgledger.audit.timestamps.max-delay. */
    public static final Duration DEFAULT_MAX_STAMP_DELAY = Duration.ofDays(1);

    /** @param pinnedKey the only key to trust, or null to trust the keys the file lists */
    public ExportFileVerifier(PublicKey pinnedKey) {
        this(pinnedKey == null ? List.of() : List.of(pinnedKey), null);
    }

    /**
     * @param pinnedKeys     the keys to trust (every key the ledger has used, after a rotation), or
     *                       none to trust the keys the file lists
     * @param keptCheckpoint the newest checkpoint the reader kept from earlier (a C2SP signed note),
     *                       or null: the export must extend it, else it is a rollback or a fork
     */
    public ExportFileVerifier(List<PublicKey> pinnedKeys, SignedNote keptCheckpoint) {
        this(pinnedKeys, keptCheckpoint, null, DEFAULT_MAX_STAMP_DELAY);
    }

    /**
     * @param tsa           checks the export's timestamps against the TSA certificates the reader
     *                      trusts, or null: they are listed as not checked
     * @param maxStampDelay how late a stamp may come after its head (the ledger's configured max-delay)
     */
    public ExportFileVerifier(List<PublicKey> pinnedKeys, SignedNote keptCheckpoint, StampVerifier tsa,
                              Duration maxStampDelay) {
        this.pinnedKeys = List.copyOf(pinnedKeys);
        this.keptCheckpoint = keptCheckpoint;
        this.tsa = tsa;
        this.maxStampDelay = maxStampDelay;
    }

    public Result verify(Path file) throws IOException {
        ChainVerifier verifier = new ChainVerifier();
        List<SignedTreeHead> heads = new ArrayList<>();
        Map<String, PublicKey> keys = new HashMap<>();
        String origin = null;
        List<Stamp> stamps = new ArrayList<>();
        Instant exportedAt = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                switch (node.path("record").asText()) {
                    case "event" -> {
                        ChainEntry entry = entry(node);
                        String unhashed = ReadableFields.problemWith(node, entry.event());
                        if (unhashed == null) {
                            verifier.accept(entry);
                        } else {
                            verifier.refuse(entry.sequence(), unhashed);
                        }
                    }
                    case "treeHead" -> heads.add(head(node));
                    case "signingKey" -> keys.put(node.get("keyId").asText(),
                            Ed25519Keys.publicKeyFromPem(node.get("publicKey").asText()));
                    case "export" -> {
                        origin = requireFormat(node);
                        exportedAt = node.hasNonNull("exportedAt") ? Instant.parse(node.get("exportedAt").asText()) : null;
                    }
                    case "timestamp" -> stamps.add(new Stamp(node.get("treeSize").asLong(), bytes(node, "token")));
                    default -> throw new IOException("line " + number + ": unknown record " + node.path("record"));
                }
            }
        }
        Map<String, PublicKey> trusted = new HashMap<>();
        if (!pinnedKeys.isEmpty()) {
            pinnedKeys.forEach(key -> trusted.put(Ed25519Keys.keyId(key), key));
        } else {
            // A key id is the hash of the key itself: a listed key that does not hash to its id is ignored.
            keys.forEach((id, key) -> {
                if (Ed25519Keys.keyId(key).equals(id)) {
                    trusted.put(id, key);
                }
            });
        }
        Verdict verdict = verifier.finish(heads, trusted::get);
        if (verdict.valid() && keptCheckpoint != null) {
            verdict = KeptCheckpoint.check(keptCheckpoint, origin, trusted.values(), verifier.acceptedTree(), verdict);
        }
        StampReport timestamps = null;
        if (verdict.valid() && (tsa != null || !stamps.isEmpty())) {
            // "not stamped yet" is judged at the time the export was made, not at the reading
            Instant reference = exportedAt != null && exportedAt.isBefore(Instant.now()) ? exportedAt : Instant.now();
            StampCheck.Result stamped = StampCheck.check(heads, stamps, tsa, maxStampDelay, reference);
            timestamps = stamped.report();
            if (!stamped.valid()) {
                verdict = new Verdict(false, verdict.eventsChecked(), null, 0, stamped.firstInvalidSequence(),
                        stamped.problem());
            }
        }
        return new Result(verdict, List.copyOf(trusted.keySet()), timestamps);
    }

    /**
     * The verdict, the ids of the keys it trusted (compare them with the ledger's published key id)
     * and what the export's timestamps prove (null when it has none and no TSA is trusted).
     */
    public record Result(Verdict verdict, List<String> trustedKeyIds, StampReport timestamps) {
    }

    /** @return the log's origin, when the export names it */
    private static String requireFormat(JsonNode header) throws IOException {
        if (!"orgledger-export-v1".equals(header.path("format").asText())) {
            throw new IOException("not an OrgLedger export of format orgledger-export-v1: " + header.path("format"));
        }
        return header.hasNonNull("origin") ? header.get("origin").asText() : null;
    }

    private static ChainEntry entry(JsonNode node) {
        StoredEvent event = new StoredEvent(node.get("sequence").asLong(), text(node, "eventIdentifier"),
                text(node, "aggregateType"), text(node, "aggregateIdentifier"), node.get("aggregateSequence").asLong(),
                text(node, "payloadType"), text(node, "payloadRevision"), bytes(node, "payloadBytes"),
                bytes(node, "metaDataBytes"), text(node, "timeStamp"));
        return new ChainEntry(event.sequence(), event, hex(node, "previousHash"), hex(node, "hash"));
    }

    private static SignedTreeHead head(JsonNode node) {
        return new SignedTreeHead(node.get("treeSize").asLong(), node.get("lastSequence").asLong(),
                hex(node, "root"), text(node, "recordedAt"), text(node, "keyId"), hex(node, "signature"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Base64.getDecoder().decode(text);
    }

    private static byte[] hex(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : HEX.parseHex(text);
    }
}
