package org.orgledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.orgledger.language.LocalizedText;
import org.orgledger.unit.api.RenameUnit;
import org.orgledger.unit.api.UnitId;
import org.orgledger.instrument.api.Authority;

class LedgerTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\udc00b", "x\ud83d", "\u200b", "\ufeff\u200b", "\u3164", "  \u2800 ",
            "a\u202eb", "\u2066x\u2069", "a\u202ab", "\ufffe", "\ufdd0x", "a\u0000b", "a\u0007b", "\u0301"})
    void text_the_ledger_cannot_keep_is_refused_with_its_field(String text) {
        assertThat(LedgerText.problemWith(text)).isPresent();
        assertThatThrownBy(() -> LedgerText.require("name", text)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).extracting(InvalidInput.FieldError::field)
                        .containsExactly("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Division", "方案支助司", "قسم", "a\u200bb", "\u200fقسم", "Line one\nline two", "😀",
            "e\u0301"})
    void ordinary_text_in_any_script_is_kept(String text) {
        assertThat(LedgerText.problemWith(text)).isEmpty();
    }

    @Test
    void text_is_kept_in_normalization_form_c() {
        String decomposed = "Re\u0301gion";

        assertThat(LedgerText.require("name", decomposed)).isEqualTo("R\u00e9gion");
        assertThat(LedgerText.require("name", LocalizedText.of("fr", decomposed)).values()).containsEntry("fr", "R\u00e9gion");
    }

    @Test
    void a_command_refuses_what_the_edge_refuses_so_no_path_can_bypass_the_rule() {
        assertThatThrownBy(() -> new RenameUnit(UnitId.of("u"), LocalizedText.of(Map.of("en", "\u200b")),
                java.time.LocalDate.of(2002, 1, 1), Authority.of("ST/SGB/2002/14", "1")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RenameUnit(UnitId.of("u"), LocalizedText.of("en", "x"),
                java.time.LocalDate.of(10000, 1, 1), Authority.of("ST/SGB/2002/14", "1")))
                .isInstanceOf(InvalidInput.class);
        assertThat(new RenameUnit(UnitId.of("u"), LocalizedText.of("fr", "Re\u0301gion"),
                java.time.LocalDate.of(2002, 1, 1), Authority.of("ST/SGB/2002/14", "1")).name().values())
                .containsEntry("fr", "R\u00e9gion");
    }
}
