package org.orgledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests exactly as written (raw paths, any body, chunked or not, any media type), which a
 * RestTemplate would encode, normalize or refuse to send.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    RawHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A request to send; headers and body as given. */
    static final class Request {
        final String method;
        final String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        boolean chunked;

        Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request json(String body) {
            return body("application/json", body);
        }

        Request body(String contentType, String text) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Request bytes(String contentType, byte[] bytes, boolean chunked) {
            headers.put("Content-Type", contentType);
            this.body = bytes;
            this.chunked = chunked;
            return this;
        }

        Request as(String user, String password) {
            headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Response(int status, String contentType, String text, Map<String, java.util.List<String>> headers) {

        Response(int status, String contentType, String text) {
            this(status, contentType, text, Map.of());
        }

        /** A response header's values joined by ", " (empty when absent). */
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> String.join(", ", entry.getValue())).findFirst().orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }

    /** A request signed in as the registrar of the tests. */
    static Request registrar(String method, String path) {
        return new Request(method, path).as(org.orgledger.TestUsers.REGISTRAR, org.orgledger.TestUsers.REGISTRAR);
    }

    /** Sends a set-up request that may have been sent by an earlier test: success, or already recorded. */
    void acceptOnce(Request request) {
        Response response = send(request);
        if (response.status() != 409 || !response.json().path("code").asText().endsWith("ALREADY_EXISTS")) {
            org.assertj.core.api.Assertions.assertThat(response.status()).as(request + ": " + response.text())
                    .isBetween(200, 299);
        }
    }

    Response send(Request request) {
        HttpRequest.BodyPublisher publisher;
        if (request.body == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (request.chunked) {
            byte[] bytes = request.body;
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(request.body);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path))
                .timeout(Duration.ofSeconds(30))
                .method(request.method, publisher);
        request.headers.forEach(builder::header);
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new AssertionError(request + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(request + " interrupted", e);
        }
    }
}
