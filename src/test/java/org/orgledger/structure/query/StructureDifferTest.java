package org.orgledger.structure.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.structure.api.FunctionView;
import org.orgledger.structure.api.HeadView;
import org.orgledger.structure.api.StructureDiffView;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.api.UnitView;
import org.orgledger.unit.api.UnitKind;

class StructureDifferTest {

    private static final Authority AUTHORITY = Authority.of("ST/SGB/2002/14", "1");
    private static final Instant KNOWN = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void the_diff_names_established_abolished_renamed_moved_units_and_assigned_and_withdrawn_functions() {
        FunctionView monitor = new FunctionView("monitor", LocalizedText.of("en", "Monitor"), AUTHORITY);
        FunctionView analyse = new FunctionView("analyse", LocalizedText.of("en", "Analyse"), AUTHORITY);
        StructureView before = structure("2001-01-01",
                unit("a", "A", null, null, List.of()),
                unit("a/b", "B", "a", new HeadView(LocalizedText.of("en", "Chief"), null), List.of(monitor)),
                unit("gone", "Gone", null, null, List.of()));
        StructureView after = structure("2002-01-01",
                unit("a", "A", null, null, List.of()),
                unit("a/b", "B, renamed", null, null, List.of(analyse)),
                unit("new", "New", "a", null, List.of()));

        StructureDiffView diff = StructureDiffer.diff(before, after);

        assertThat(diff.from()).isEqualTo(LocalDate.parse("2001-01-01"));
        assertThat(diff.to()).isEqualTo(LocalDate.parse("2002-01-01"));
        assertThat(diff.established()).extracting(UnitView::id).containsExactly("new");
        assertThat(diff.abolished()).extracting(UnitView::id).containsExactly("gone");
        assertThat(diff.renamed()).containsExactly(new StructureDiffView.Renamed("a/b", LocalizedText.of("en", "B"),
                LocalizedText.of("en", "B, renamed")));
        assertThat(diff.moved()).containsExactly(new StructureDiffView.Moved("a/b", "a", null));
        assertThat(diff.functionsAssigned()).containsExactly(new StructureDiffView.FunctionChange("a/b", analyse));
        assertThat(diff.functionsWithdrawn()).containsExactly(new StructureDiffView.FunctionChange("a/b", monitor));
        assertThat(diff.headsChanged()).extracting(StructureDiffView.HeadChanged::id).containsExactly("a/b");
    }

    @Test
    void the_same_structure_twice_differs_in_nothing() {
        StructureView structure = structure("2001-01-01", unit("a", "A", null, null, List.of()));
        StructureDiffView diff = StructureDiffer.diff(structure, structure);
        assertThat(diff.established()).isEmpty();
        assertThat(diff.abolished()).isEmpty();
        assertThat(diff.renamed()).isEmpty();
        assertThat(diff.moved()).isEmpty();
        assertThat(diff.functionsAssigned()).isEmpty();
        assertThat(diff.functionsWithdrawn()).isEmpty();
        assertThat(diff.headsChanged()).isEmpty();
    }

    private static StructureView structure(String asOf, UnitView... units) {
        return new StructureView(LocalDate.parse(asOf), KNOWN, List.of(units));
    }

    private static UnitView unit(String id, String name, String parentId, HeadView head, List<FunctionView> functions) {
        return new UnitView(id, UnitKind.OFFICE, LocalizedText.of("en", name), parentId, head, AUTHORITY, functions);
    }
}
