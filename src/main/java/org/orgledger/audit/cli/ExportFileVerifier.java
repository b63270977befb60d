package org.orgledger.audit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
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

/**
 * Verifies a JSON Lines export offline, with the same checks as the service: no database, no
 * Spring. Events are checked in the order of the file, so moved lines are reported too.
 */
public final class ExportFileVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final PublicKey pinnedKey;

    /** @param pinnedKey the only key to trust, or null to trust the keys the file lists */
    public ExportFileVerifier(PublicKey pinnedKey) {
        this.pinnedKey = pinnedKey;
    }

    public Result verify(Path file) throws IOException {
        ChainVerifier verifier = new ChainVerifier();
        List<SignedTreeHead> heads = new ArrayList<>();
        Map<String, PublicKey> keys = new HashMap<>();
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
                    case "event" -> verifier.accept(entry(node));
                    case "treeHead" -> heads.add(head(node));
                    case "signingKey" -> keys.put(node.get("keyId").asText(),
                            Ed25519Keys.publicKeyFromPem(node.get("publicKey").asText()));
                    case "export" -> requireFormat(node);
                    default -> throw new IOException("line " + number + ": unknown record " + node.path("record"));
                }
            }
        }
        Map<String, PublicKey> trusted = new HashMap<>();
        if (pinnedKey != null) {
            trusted.put(Ed25519Keys.keyId(pinnedKey), pinnedKey);
        } else {
            // A key id is the hash of the key itself: a listed key that does not hash to its id is ignored.
            keys.forEach((id, key) -> {
                if (Ed25519Keys.keyId(key).equals(id)) {
                    trusted.put(id, key);
                }
            });
        }
        return new Result(verifier.finish(heads, trusted::get), List.copyOf(trusted.keySet()));
    }

    /** The verdict and the ids of the keys it trusted (compare them with the ledger's published key id). */
    public record Result(Verdict verdict, List<String> trustedKeyIds) {
    }

    private static void requireFormat(JsonNode header) throws IOException {
        if (!"orgledger-export-v1".equals(header.path("format").asText())) {
            throw new IOException("not an OrgLedger export of format orgledger-export-v1: " + header.path("format"));
        }
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
