package org.orgledger.audit.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * One RFC 3161 request over HTTP (RFC 3161 sec 3.4): a TimeStampReq with the SHA-256 of the
 * stamped bytes, a fresh nonce and a request for the TSA's certificate, posted as
 * {@code application/timestamp-query}; the answer must be granted and match the request.
 */
final class TsaClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI url;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    TsaClient(URI url, HttpClient http) {
        this.url = url;
        this.http = http;
    }

    URI url() {
        return url;
    }

    /** @return the TimeStampToken (DER) the TSA granted for {@code stamped} */
    byte[] stamp(byte[] stamped) throws IOException, InterruptedException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, StampVerifier.sha256(stamped),
                new BigInteger(64, random));
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/timestamp-query")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException("the TSA answered HTTP " + answer.statusCode());
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer.body());
            // the status is granted, and the token answers this request: imprint, nonce, certificate
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IOException("the TSA granted no token: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException e) {
            throw new IOException("the TSA's answer is not a valid response to the request: " + e.getMessage(), e);
        }
    }
}
