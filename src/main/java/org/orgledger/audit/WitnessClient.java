package org.orgledger.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.orgledger.audit.note.NoteVerifierKey;
import org.orgledger.audit.note.SignedNote;

/**
 * One witness's {@code add-checkpoint} call (c2sp.org/tlog-witness): the old size the witness
 * saw, the consistency proof from it, a blank line and the signed checkpoint; the answer is the
 * witness's cosignature lines, or the size it really saw (409, {@code text/x.tlog.size}).
 */
final class WitnessClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI addCheckpoint;
    private final NoteVerifierKey key;
    private final HttpClient http;

    WitnessClient(URI submissionPrefix, NoteVerifierKey key, HttpClient http) {
        String prefix = submissionPrefix.toString();
        this.addCheckpoint = URI.create((prefix.endsWith("/") ? prefix : prefix + "/") + "add-checkpoint");
        this.key = key;
        this.http = http;
    }

    NoteVerifierKey key() {
        return key;
    }

    String name() {
        return key.name();
    }

    Answer addCheckpoint(long oldSize, List<byte[]> consistencyProof, SignedNote checkpoint)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(addCheckpoint)
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body(oldSize, consistencyProof, checkpoint), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    static String body(long oldSize, List<byte[]> consistencyProof, SignedNote checkpoint) {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        consistencyProof.forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return body.append('\n').append(checkpoint.render()).toString();
    }

    record Answer(int status, String contentType, String body) {

        /** On a 409 with the witness's size: the size it last cosigned, else null. */
        Long witnessSize() {
            if (status != 409 || !contentType.startsWith("text/x.tlog.size")) {
                return null;
            }
            String size = body.strip();
            return size.matches("0|[1-9][0-9]{0,18}") ? Long.parseLong(size) : null;
        }
    }
}
