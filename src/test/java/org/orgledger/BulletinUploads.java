package org.orgledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Bulletin files sent to {@code POST /api/imports} as a registrar, as a user's client sends them. */
public final class BulletinUploads {

    private BulletinUploads() {
    }

    /** The import's answer, whatever it is: the caller asserts on it. */
    public static ResponseEntity<JsonNode> upload(TestRestTemplate http, String yaml) {
        return upload(http, yaml.getBytes(StandardCharsets.UTF_8));
    }

    public static ResponseEntity<JsonNode> upload(TestRestTemplate http, byte[] content) {
        return send(http, "/api/imports", content);
    }

    /** Under a file name of the caller's ({@code ?fileName=}). */
    public static ResponseEntity<JsonNode> upload(TestRestTemplate http, String fileName, byte[] content) {
        return send(http, "/api/imports?fileName=" + fileName, content);
    }

    private static ResponseEntity<JsonNode> send(TestRestTemplate http, String path, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return TestUsers.registrar(http).postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }
}
