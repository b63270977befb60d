package org.orgledger.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.orgledger.audit.chain.CanonicalForm;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.audit.chain.SignedTreeHead;
import org.orgledger.audit.chain.StoredEvent;
import org.orgledger.audit.timestamp.Stamp;
import org.orgledger.audit.timestamp.TimestampLog;
import org.orgledger.platform.Csv;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the whole log for offline audit. JSON Lines is self-contained and verifiable: every
 * event with its stored bytes (base64) and hashes, then the signing keys and every signed tree
 * head (docs/audit-chain.md, "The export file"). CSV is for reading in a spreadsheet; it cannot
 * be verified.
 */
@Component
class LogExport {

    static final String FORMAT_VERSION = "orgledger-export-v1";
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final EventLog log;
    private final TreeHeadLog heads;
    private final ObjectMapper json;
    private final String origin;
    private final TimestampLog timestamps;
    private final Clock clock;

    LogExport(EventLog log, TreeHeadLog heads, ObjectMapper json, LedgerSigner signer, TimestampLog timestamps,
              Clock clock) {
        this.log = log;
        this.heads = heads;
        this.timestamps = timestamps;
        this.clock = clock;
        this.origin = signer.origin();
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void writeJsonLines(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ObjectNode header = json.createObjectNode()
                .put("record", "export")
                .put("format", FORMAT_VERSION)
                .put("canonicalForm", CanonicalForm.VERSION)
                .put("treeHead", SignedTreeHead.VERSION)
                // the log's identity in its checkpoints: a kept checkpoint of another log is refused
                .put("origin", origin);
        List<Stamp> stamps = timestamps.all();
        if (!stamps.isEmpty()) {
            // when the export was made: the offline verifier judges "not stamped yet" against it
            header.put("exportedAt", clock.instant().toString());
        }
        line(writer, header);
        log.forEachEvent(row -> line(writer, eventLine(row)));
        Map<String, PublicKey> keys = new TreeMap<>(heads.keys());
        for (Map.Entry<String, PublicKey> key : keys.entrySet()) {
            line(writer, json.createObjectNode()
                    .put("record", "signingKey")
                    .put("keyId", key.getKey())
                    .put("algorithm", "Ed25519")
                    .put("publicKey", Ed25519Keys.publicKeyPem(key.getValue())));
        }
        for (SignedTreeHead head : heads.all()) {
            line(writer, json.createObjectNode()
                    .put("record", "treeHead")
                    .put("treeSize", head.treeSize())
                    .put("lastSequence", head.lastSequence())
                    .put("root", AuditViews.hex(head.root()))
                    .put("recordedAt", head.recordedAt())
                    .put("keyId", head.keyId())
                    .put("signature", AuditViews.hex(head.signature())));
        }
        for (Stamp stamp : stamps) {
            // RFC 3161 token (base64 DER) on the statement of the tree head of that size
            line(writer, json.createObjectNode()
                    .put("record", "timestamp")
                    .put("treeSize", stamp.treeSize())
                    .put("token", BASE64.encodeToString(stamp.token())));
        }
        writer.flush();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("sequence,recordedAt,recordedBy,type,aggregateIdentifier,aggregateSequence,payload,hash,previousHash\r\n");
        log.forEachEvent(row -> {
            AuditLogEntry entry = row.entry();
            try {
                writer.write(String.join(",", Long.toString(entry.sequence()),
                        Csv.field(entry.recordedAt() == null ? row.event().timeStamp() : entry.recordedAt().toString()),
                        Csv.field(entry.recordedBy()), Csv.field(entry.type()),
                        Csv.field(entry.aggregateIdentifier()), Long.toString(entry.aggregateSequence()),
                        Csv.field(entry.payload().toString()), Csv.field(entry.hash()),
                        Csv.field(entry.previousHash())));
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    private ObjectNode eventLine(EventLog.AuditLogEntryWithBytes row) {
        StoredEvent event = row.event();
        AuditLogEntry entry = row.entry();
        ObjectNode line = json.createObjectNode()
                .put("record", "event")
                .put("sequence", event.sequence())
                .put("eventIdentifier", event.eventIdentifier())
                .put("aggregateType", event.aggregateType())
                .put("aggregateIdentifier", event.aggregateIdentifier())
                .put("aggregateSequence", event.aggregateSequence())
                .put("payloadType", event.payloadType())
                .put("payloadRevision", event.payloadRevision())
                .put("timeStamp", event.timeStamp())
                .put("payloadBytes", BASE64.encodeToString(event.payload()))
                .put("metaDataBytes", event.metaData() == null ? null : BASE64.encodeToString(event.metaData()))
                .put("previousHash", AuditViews.hex(row.previousHash()))
                .put("hash", AuditViews.hex(row.hash()))
                // For readers only; the hash covers the bytes above.
                .put("type", entry.type())
                .put("recordedBy", entry.recordedBy());
        line.set("payload", entry.payload());
        return line;
    }

    private void line(Writer writer, ObjectNode node) {
        try {
            writer.write(json.writeValueAsString(node));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
