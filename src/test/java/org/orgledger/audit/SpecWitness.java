package org.orgledger.audit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.audit.merkle.MerkleHashing;
import org.orgledger.audit.merkle.MerkleProofs;
import org.orgledger.audit.note.Checkpoint;
import org.orgledger.audit.note.NoteSigner;
import org.orgledger.audit.note.NoteVerifier;
import org.orgledger.audit.note.NoteVerifierKey;
import org.orgledger.audit.note.SignedNote;

/**
 * A witness that follows c2sp.org/tlog-witness {@code add-checkpoint}, in process, for one log:
 * it checks the log's signature (403), the old size against the size it last cosigned (409 with
 * {@code text/x.tlog.size}), the consistency proof (422), and answers its Ed25519 cosignature
 * (c2sp.org/tlog-cosignature). The check and the update of its state are atomic.
 */
final class SpecWitness implements AutoCloseable {

    private final HttpServer server;
    private final NoteSigner key = new NoteSigner("witness.orgledger.test/w1", Ed25519Keys.generate());
    private volatile NoteVerifierKey logKey;
    private final AtomicInteger failures = new AtomicInteger();
    final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private long size;
    private byte[] root = MerkleHashing.emptyTreeHash();

    /** What the witness was sent, and what it answered. */
    record Submission(long oldSize, int proofLines, long size, int status) {
    }

    SpecWitness() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/witness/add-checkpoint", this::addCheckpoint);
        server.start();
    }

    /** The log this witness witnesses; until it is told, every origin is unknown to it (404). */
    void trust(NoteVerifierKey logKey) {
        this.logKey = logKey;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/witness");
    }

    NoteVerifierKey cosignerKey() {
        return key.cosignerKey();
    }

    /** The next {@code count} submissions fail with 503, as an unreachable or overloaded witness. */
    void failNext(int count) {
        failures.set(count);
    }

    /** As a witness that lost its state (or never saw this log): its size is 0 again. */
    synchronized void forget() {
        size = 0;
        root = MerkleHashing.emptyTreeHash();
    }

    synchronized long size() {
        return size;
    }

    private void addCheckpoint(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "text/plain", "POST only\n", null);
                return;
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 503, "text/plain", "not now\n", null);
                return;
            }
            handle(exchange, body);
        }
    }

    private synchronized void handle(HttpExchange exchange, String body) throws IOException {
        int blank = body.indexOf("\n\n");
        String[] head = body.substring(0, blank).split("\n");
        if (!head[0].matches("old (0|[1-9][0-9]*)")) {
            answer(exchange, 400, "text/plain", "no old size line\n", null);
            return;
        }
        long oldSize = Long.parseLong(head[0].substring(4));
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            proof.add(Base64.getDecoder().decode(head[i]));
        }
        SignedNote note = SignedNote.parse(body.substring(blank + 2));
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        Submission seen = new Submission(oldSize, proof.size(), checkpoint.treeSize(), 0);
        NoteVerifierKey logKey = this.logKey;
        if (logKey == null || !checkpoint.origin().equals(logKey.name())) {
            answer(exchange, 404, "text/plain", "unknown log\n", seen);
            return;
        }
        try {
            new NoteVerifier(List.of(logKey)).verify(note);
        } catch (NoteVerifier.NoteNotVerified e) {
            answer(exchange, 403, "text/plain", "not signed by the log\n", seen);
            return;
        }
        if (oldSize > checkpoint.treeSize()) {
            answer(exchange, 400, "text/plain", "old size above the checkpoint's\n", seen);
            return;
        }
        if (oldSize != size) {
            answer(exchange, 409, "text/x.tlog.size", size + "\n", seen);
            return;
        }
        boolean consistent = oldSize == 0 ? proof.isEmpty()
                : MerkleProofs.verifyConsistency(oldSize, checkpoint.treeSize(), root, checkpoint.rootHash(), proof);
        if (!consistent) {
            answer(exchange, oldSize == checkpoint.treeSize() ? 409 : 422, "text/plain", "not consistent\n", seen);
            return;
        }
        size = checkpoint.treeSize();
        root = checkpoint.rootHash();
        answer(exchange, 200, "text/plain", key.cosign(note.text(), Instant.now().getEpochSecond()).line(), seen);
    }

    private void answer(HttpExchange exchange, int status, String contentType, String body, Submission seen)
            throws IOException {
        if (seen != null) {
            submissions.add(new Submission(seen.oldSize(), seen.proofLines(), seen.size(), status));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
