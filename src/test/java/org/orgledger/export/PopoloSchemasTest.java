package org.orgledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The validator and the published schemas really check: what the schemas forbid is reported. */
class PopoloSchemasTest {

    private final ObjectMapper json = new ObjectMapper();
    private final PopoloSchemas schemas = new PopoloSchemas(json);

    @Test
    void a_well_formed_organization_passes() throws Exception {
        JsonNode organization = json.readTree("""
                {"id": "un-habitat", "name": "UN-Habitat", "founding_date": "1977-12-19",
                 "other_names": [{"name": "人居署", "lang": "zh", "start_date": "2002-01-01"}],
                 "identifiers": [{"identifier": "un-habitat", "scheme": "orgledger"}],
                 "sources": [{"url": "urn:orgledger:instrument/A/RES/32/162", "note": "A/RES/32/162"}]}""");
        assertThat(schemas.problems(PopoloSchemas.ORGANIZATION, organization)).isEmpty();
    }

    @Test
    void a_date_in_another_form_an_other_name_without_a_name_and_an_identifier_without_identifier_are_reported() throws Exception {
        JsonNode organization = json.readTree("""
                {"id": "x", "name": "X", "founding_date": "19/12/1977",
                 "other_names": [{"lang": "zh", "start_date": "2002-01-01"}],
                 "identifiers": [{"scheme": "orgledger"}]}""");
        assertThat(schemas.problems(PopoloSchemas.ORGANIZATION, organization))
                .hasSize(3)
                .anySatisfy(problem -> assertThat(problem).contains("founding_date"))
                .anySatisfy(problem -> assertThat(problem).contains("other_names").contains("name"))
                .anySatisfy(problem -> assertThat(problem).contains("identifiers").contains("identifier"));
    }

    @Test
    void a_post_whose_other_label_is_not_a_list_of_strings_is_reported() throws Exception {
        JsonNode post = json.readTree("""
                {"id": "p", "label": "Director", "other_label": [{"label": "主任"}], "organization_id": "x"}""");
        assertThat(schemas.problems(PopoloSchemas.POST, post)).isNotEmpty();
    }
}
