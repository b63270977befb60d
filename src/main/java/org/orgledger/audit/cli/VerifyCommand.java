package org.orgledger.audit.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.audit.chain.Verdict;
import org.orgledger.audit.note.Checkpoint;
import org.orgledger.audit.note.NoteVerifierKey;
import org.orgledger.audit.note.SignedNote;
import org.orgledger.audit.timestamp.StampVerifier;

/**
 * {@code java -jar orgledger.jar verify --file export.jsonl [--public-key key.pem] [--checkpoint kept.txt]
 * [--tsa-certificate tsa-ca.pem] [--timestamp-max-delay P1D]}: checks an
 * exported log offline and prints the verdict as JSON. Runs before Spring starts, so it needs
 * neither the database nor a free port. Exit code 0 valid, 1 invalid, 2 usage or unreadable file.
 */
public final class VerifyCommand {

    public static final String NAME = "verify";
    /** Instants as ISO-8601 text, nulls left out: as the service writes its answers. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final String USAGE = "usage: verify --file <export.jsonl> [--public-key <PEM key or verifier keys>]..."
            + " [--checkpoint <the newest checkpoint you kept>]"
            + " [--tsa-certificate <PEM: the Time-Stamp Authority's certificate or its CA>]..."
            + " [--timestamp-max-delay <ISO-8601 duration, default P1D>]";

    private VerifyCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        List<Path> publicKeys = new ArrayList<>();
        Path checkpoint = null;
        List<Path> tsaCertificates = new ArrayList<>();
        String maxStampDelay = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--file" -> file = value == null ? null : Path.of(value);
                case "--public-key" -> {
                    if (value != null) {
                        publicKeys.add(Path.of(value));
                    }
                }
                case "--checkpoint" -> checkpoint = value == null ? null : Path.of(value);
                case "--tsa-certificate" -> {
                    if (value != null) {
                        tsaCertificates.add(Path.of(value));
                    }
                }
                case "--timestamp-max-delay" -> maxStampDelay = value;
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            i++;
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        try {
            List<PublicKey> pinned = new ArrayList<>();
            for (Path publicKey : publicKeys) {
                pinned.addAll(publicKeys(Files.readString(publicKey, StandardCharsets.UTF_8)));
            }
            SignedNote kept = checkpoint == null ? null
                    : SignedNote.parse(Files.readString(checkpoint, StandardCharsets.UTF_8));
            List<X509Certificate> tsa = new ArrayList<>();
            for (Path certificate : tsaCertificates) {
                tsa.addAll(StampVerifier.certificates(Files.readAllBytes(certificate)));
            }
            Duration maxDelay = maxStampDelay == null ? ExportFileVerifier.DEFAULT_MAX_STAMP_DELAY
                    : Duration.parse(maxStampDelay);
            ExportFileVerifier.Result result = new ExportFileVerifier(pinned, kept,
                    tsa.isEmpty() ? null : new StampVerifier(tsa), maxDelay).verify(file);
            out.println(render(result, kept));
            if (tsa.isEmpty() && result.timestamps() != null) {
                err.println("note: the export's RFC 3161 timestamps were not checked; pass --tsa-certificate");
            }
            if (pinned.isEmpty()) {
                err.println("note: trusted the key(s) listed in the file " + result.trustedKeyIds()
                        + "; compare with the ledger's published key id, or pass --public-key");
            }
            return result.verdict().valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("cannot verify " + file + ": " + e.getMessage());
            return 2;
        }
    }

    /**
     * A key file is a PEM public key ({@code GET /api/audit/key}), or verifier keys in the
     * signed-note form, one a line ({@code GET /api/audit/checkpoint/verifier-keys}: every key the
     * ledger has used, so one file pins them all after a rotation).
     */
    static List<PublicKey> publicKeys(String text) {
        if (text.contains("-----BEGIN PUBLIC KEY-----")) {
            return List.of(Ed25519Keys.publicKeyFromPem(text));
        }
        List<PublicKey> keys = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                NoteVerifierKey key = NoteVerifierKey.parse(line);
                if (key.type() != NoteVerifierKey.ED25519) {
                    throw new IllegalArgumentException("not an Ed25519 log key (type 0x01): " + line.strip());
                }
                keys.add(key.publicKey());
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key in the key file");
        }
        return keys;
    }

    private static String render(ExportFileVerifier.Result result, SignedNote kept) throws IOException {
        Verdict verdict = result.verdict();
        ObjectNode node = JSON.createObjectNode().put("valid", verdict.valid());
        node.put("eventsChecked", verdict.eventsChecked());
        if (verdict.valid()) {
            node.put("head", HexFormat.of().formatHex(verdict.head()));
            node.put("treeSize", verdict.treeSize());
            if (kept != null) {
                node.put("extendsCheckpointOfSize", Checkpoint.parse(kept.text()).treeSize());
            }
        } else {
            node.put("firstInvalidSequence", verdict.firstInvalidSequence());
            node.put("reason", verdict.reason());
        }
        node.putPOJO("trustedKeyIds", result.trustedKeyIds());
        if (result.timestamps() != null) {
            node.set("timestamps", JSON.valueToTree(result.timestamps()));
        }
        return JSON.writeValueAsString(node);
    }
}
