package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentKind;
import org.orgledger.instrument.api.InstrumentView;
import org.orgledger.instrument.api.InstrumentsView;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.language.TextStatus;
import org.orgledger.structure.api.AlternateNameView;
import org.orgledger.structure.api.ChangeView;
import org.orgledger.structure.api.FunctionView;
import org.orgledger.structure.api.HeadView;
import org.orgledger.structure.api.StructureDiffView;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.api.TimelineView;
import org.orgledger.structure.api.UnitHistoryView;
import org.orgledger.structure.api.UnitView;
import org.orgledger.unit.api.UnitKind;

/**
 * The typed answers (structure, diff, instruments, timeline, a unit's history) get {@code lang} while Jackson writes them; the
 * answer must be byte for byte what rewriting their JSON tree by field name gave before, for
 * every kind of preference: none, a language a text has, a regional variant, English, the first.
 */
class TypedLanguagePreferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new LanguagePreference.TextsModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Authority SGB = Authority.of("ST/SGB/2002/14", "7.2(b)");
    private static final LocalizedText NAME = LocalizedText.of(Map.of("en", "Centre", "fr", "Centre (fr)",
            "zh-Hans", "中心"));
    private static final LocalizedText OTHER = LocalizedText.of(Map.of("es", "Otro", "fr", "Autre"));
    private static final HeadView HEAD = new HeadView(LocalizedText.of(Map.of("en", "Director", "zh", "主任")), "D-2",
            Map.of("zh", new TextLabel(TextStatus.UNOFFICIAL_TRANSLATION, "OrgLedger")));
    private static final UnitView UNIT = new UnitView("centre", UnitKind.OFFICE, NAME, "top", HEAD, SGB,
            List.of(new FunctionView("f", OTHER, SGB), new FunctionView("g", NAME, SGB,
                    Map.of("en", new TextLabel(TextStatus.SUMMARY, null)))),
            Map.of("fr", new TextLabel(TextStatus.UNOFFICIAL_TRANSLATION, "OrgLedger")),
            List.of(new AlternateNameView(OTHER, SGB, Map.of())));
    private static final UnitView TOP = new UnitView("top", UnitKind.ENTITY, OTHER, null, null, SGB, List.of());

    private static final Map<String, String> CITATION = Map.of("provision", "7.2(b)", "instrument", "ST/SGB/2002/14");
    /** A change whose details hold a text per language among the event's other fields, retracted since. */
    private static final ChangeView RENAMED = new ChangeView(11, "UnitRenamed", "centre", null, LocalDate.parse("2002-06-01"),
            Instant.parse("2026-11-24T00:00:00Z"), "registrar", CITATION, details("kind", TextNode.valueOf("OFFICE"),
            "name", NAME, "nameLabels", JsonNodeFactory.instance.objectNode().put("fr", "x")), true, 12L,
            Instant.parse("2026-11-25T00:00:00Z"));
    private static final ChangeView RETRACTION = new ChangeView(12, "ChangeRetracted", "centre", null,
            LocalDate.parse("2002-06-01"), Instant.parse("2026-11-25T00:00:00Z"), "registrar", CITATION,
            details("reason", TextNode.valueOf("a draft"), "retractedSequence", LongNode.valueOf(11)), false, null, null);
    /** An instrument's change with two texts: both get their sibling, in their order. */
    private static final ChangeView PROMULGATED = new ChangeView(3, "BulletinPromulgated", null, "ST/SGB/2002/14",
            LocalDate.parse("2002-01-01"), Instant.parse("2026-11-24T00:00:00Z"), "registrar", CITATION,
            details("title", OTHER, "kind", TextNode.valueOf("BULLETIN"), "text", NAME), false, null, null);

    private static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            details.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return details;
    }

    static Stream<Object[]> answersAndLanguages() {
        List<Object> answers = List.of(
                new StructureView(LocalDate.parse("2002-06-30"), Instant.parse("2026-11-24T00:00:00Z"), List.of(TOP, UNIT)),
                new StructureDiffView(LocalDate.parse("2002-01-01"), LocalDate.parse("2003-01-01"),
                        Instant.parse("2026-11-24T00:00:00Z"), List.of(UNIT), List.of(TOP),
                        List.of(new StructureDiffView.Renamed("centre", OTHER, NAME)),
                        List.of(new StructureDiffView.Moved("centre", null, "top")),
                        List.of(new StructureDiffView.FunctionChange("centre", new FunctionView("f", OTHER, SGB))),
                        List.of(), List.of(new StructureDiffView.HeadChanged("centre", null, HEAD))),
                new InstrumentView("ST/SGB/2002/14", InstrumentKind.BULLETIN, NAME, LocalDate.parse("2002-01-01"),
                        LocalDate.parse("2002-01-01"), null, null, List.of(), 7, Instant.parse("2026-11-24T00:00:00Z"),
                        "registrar", Map.of()),
                new InstrumentsView(List.of(new InstrumentView("ST/SGB/2002/14", InstrumentKind.BULLETIN, NAME,
                        LocalDate.parse("2002-01-01"), LocalDate.parse("2002-01-01"), "ST/SGB/2003/1",
                        LocalDate.parse("2003-01-01"), List.of("ST/SGB/1999/1"), 7, Instant.parse("2026-11-24T00:00:00Z"),
                        "registrar", Map.of("fr", new TextLabel(TextStatus.SUMMARY, null))))),
                new TimelineView(LocalDate.parse("2002-01-01"), null, Instant.parse("2026-11-24T00:00:00Z"),
                        List.of(RENAMED, RETRACTION, PROMULGATED)),
                new UnitHistoryView("centre", List.of(RENAMED, RETRACTION)));
        return answers.stream().flatMap(answer -> Stream.of(null, "zh", "fr", "en", "es", "de", "zh-Hans")
                .map(language -> new Object[] {answer, language}));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("answersAndLanguages")
    void a_typed_answer_is_written_as_the_tree_rewrite_wrote_it(Object answer, String language) throws Exception {
        String rewritten = JSON.writeValueAsString(TreeRewrite.apply(JSON.valueToTree(answer), language));

        String typed = JSON.writeValueAsString(LanguagePreference.preferred(answer, language));

        assertThat(typed).isEqualTo(rewritten);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("answersAndLanguages")
    void without_the_preference_a_view_is_written_as_before(Object answer, String language) throws Exception {
        ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(JSON.writeValueAsString(answer)).isEqualTo(plain.writeValueAsString(answer));
    }

    /** render.js checks language tags with the same pattern as the service (a copy the browser needs). */
    @org.junit.jupiter.api.Test
    void the_page_checks_language_tags_with_the_service_pattern() throws Exception {
        String script = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/static/render.js"));
        String line = Arrays.stream(script.split("\n")).filter(text -> text.contains("const LANGUAGE_TAG"))
                .findFirst().orElseThrow();
        assertThat(line.trim()).isEqualTo("const LANGUAGE_TAG = /^" + LocalizedText.LANGUAGE_TAG.pattern() + "$/;");
    }
}
