package org.orgledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The service's HTTP API as a client sees it, with each call's duration. */
final class BenchmarkHttp {

    static final String REGISTRAR_PASSWORD = "benchmark-registrar";
    static final String AUDITOR_PASSWORD = "benchmark-auditor";
    private static final ObjectMapper JSON = new ObjectMapper();

    enum User {
        ANONYMOUS(null), REGISTRAR("registrar:" + REGISTRAR_PASSWORD), AUDITOR("auditor:" + AUDITOR_PASSWORD);

        private final String header;

        User(String credentials) {
            this.header = credentials == null ? null
                    : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Response(int status, String body, long nanos) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Response expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " " + body);
            }
            return this;
        }
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    BenchmarkHttp(String base) {
        this.base = base;
    }

    Response get(String path, User user) {
        return send(request(path, user).GET());
    }

    Response post(String path, User user, String contentType, byte[] body) {
        return send(request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response postJson(String path, User user, Object body) {
        try {
            return post(path, user, "application/json", JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String path, User user) {
        // a rebuild of a large ledger or a large answer may take minutes before the speed work
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
        if (user.header != null) {
            builder.header("Authorization", user.header);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), System.nanoTime() - started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
