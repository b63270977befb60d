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

    @Test
    void every_write_documents_its_refusals_and_every_success_names_its_media_type() throws Exception {
        JsonNode api = json.readTree(http.getForObject("/v3/api-docs", String.class));
        List<String> missing = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            if (!operation.hasNonNull("description")) {
                missing.add(name + ": description");
            }
            if (method.getKey().equals("post")) {
                for (String status : List.of("404", "409", "413", "415")) {
                    if (!operation.at("/responses/" + status + "/content/application~1problem+json").isObject()) {
                        missing.add(name + ": problem " + status);
                    }
                }
            }
            operation.get("responses").fields().forEachRemaining(response -> {
                if (response.getValue().path("content").has("*/*")) {
                    missing.add(name + ": " + response.getKey() + " says */*; name its media types in OpenApiFormats");
                }
            });
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void ids_symbols_and_dates_carry_their_patterns_and_the_exports_their_formats() throws Exception {
        JsonNode api = json.readTree(http.getForObject("/v3/api-docs", String.class));

        JsonNode unitId = api.at("/paths/~1api~1units~1rename~1{unitId}/post/parameters/0/schema");
        assertThat(unitId.get("pattern").asText()).isEqualTo(ApiSchemas.UNIT_ID);
        JsonNode symbol = api.at("/paths/~1api~1instruments~1supersede~1{symbol}/post/parameters/0/schema");
        assertThat(symbol.get("pattern").asText()).isEqualTo(ApiSchemas.SYMBOL);
        JsonNode provision = api.at("/components/schemas/Supersede/properties/provision");
        assertThat(provision.get("pattern").asText()).isEqualTo(ApiSchemas.PROVISION);
        assertThat(provision.get("example").isTextual()).as("an example that fits its string schema").isTrue();

        JsonNode export = api.at("/paths/~1api~1export~1structure/get");
        assertThat(export.at("/parameters/0/schema/pattern").asText()).isEqualTo(ApiSchemas.DATE);
        assertThat(export.at("/responses/200/content/application~1ld+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/StructureJsonLd");
        assertThat(export.at("/responses/200/content").has("text/turtle")).isTrue();
        assertThat(export.at("/responses/200/content").has("text/csv")).isTrue();
        JsonNode formats = null;
        for (JsonNode parameter : export.get("parameters")) {
            if (parameter.get("name").asText().equals("format")) {
                formats = parameter.at("/schema/enum");
            }
        }
        assertThat(formats).isNotNull();
        assertThat(formats.toString()).isEqualTo("[\"jsonld\",\"turtle\",\"csv\"]");
        assertThat(api.at("/components/schemas/StructureJsonLd/required").toString()).contains("@graph");

        JsonNode log = api.at("/paths/~1api~1audit~1export/get/responses/200/content");
        assertThat(log.at("/application~1x-ndjson/schema/$ref").asText()).isEqualTo("#/components/schemas/LogExportRecord");
        assertThat(api.at("/components/schemas/LogExportRecord/properties/record/enum").toString())
                .isEqualTo("[\"export\",\"event\",\"signingKey\",\"treeHead\"]");
        assertThat(api.at("/paths/~1api~1audit~1checkpoint/get/responses/200/content").has("text/plain")).isTrue();
        assertThat(api.at("/paths/~1api~1instruments/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/InstrumentList");
    }
}
