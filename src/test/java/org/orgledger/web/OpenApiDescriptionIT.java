package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The served OpenAPI description signs in with HTTP Basic where the API does, gives every
 * operation a summary and a unique operationId, and documents its problem responses.
 */
@LedgerIntegrationTest
class OpenApiDescriptionIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void every_operation_has_a_summary_a_unique_operation_id_and_its_problem_responses() throws Exception {
        JsonNode api = json.readTree(http.getForObject("/v3/api-docs", String.class));
        Files.writeString(Path.of("target", "api-docs.json"), api.toPrettyString());

        JsonNode basic = api.at("/components/securitySchemes/basicAuth");
        assertThat(basic.get("type").asText()).isEqualTo("http");
        assertThat(basic.get("scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/schemas/Problem/properties/code").isMissingNode()).isFalse();

        Set<String> operationIds = new HashSet<>();
        List<String> missing = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            if (!operation.hasNonNull("summary") || operation.get("summary").asText().isBlank()) {
                missing.add(name + ": summary");
            }
            if (!operation.hasNonNull("operationId") || !operationIds.add(operation.get("operationId").asText())) {
                missing.add(name + ": unique operationId");
            }
            for (String status : List.of("400", "401", "403")) {
                if (!operation.at("/responses/" + status + "/content/application~1problem+json").isObject()) {
                    missing.add(name + ": problem " + status);
                }
            }
        }));
        assertThat(missing).isEmpty();

        Set<String> declaredTags = new HashSet<>();
        api.get("tags").forEach(tag -> declaredTags.add(tag.get("name").asText()));
        api.get("paths").forEach(path -> path.forEach(operation -> operation.path("tags")
                .forEach(tag -> assertThat(declaredTags).contains(tag.asText()))));
    }

    @Test
    void writes_and_the_audit_endpoints_require_basic_and_document_their_refusals() throws Exception {
        JsonNode api = json.readTree(http.getForObject("/v3/api-docs", String.class));

        JsonNode establish = api.at("/paths/~1api~1units/post");
        assertThat(establish.get("operationId").asText()).isEqualTo("postUnits");
        assertThat(establish.at("/security/0/basicAuth").isArray()).isTrue();
        assertThat(establish.get("security")).hasSize(1);
        for (String status : List.of("404", "409", "413", "415")) {
            assertThat(establish.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/Problem");
        }
        JsonNode checkpoint = api.at("/paths/~1api~1audit~1checkpoint/get");
        assertThat(checkpoint.get("security")).hasSize(1);
        assertThat(checkpoint.at("/responses/404").isObject()).isTrue();

        JsonNode structure = api.at("/paths/~1api~1structure/get");
        assertThat(structure.get("security")).as("reads are open by default: sign-in optional").hasSize(2);
        assertThat(structure.at("/security/0").isEmpty()).isTrue();
    }
}
