package org.orgledger.unit.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The hierarchy across dates. A is the top; B reports to A and C to B from 2000; the graph
 * is built as the registry builds it, each unit with the change numbers of its aggregate.
 */
class ReportingGraphTest {

    private static final LocalDate START = on("2000-01-01");

    private final ReportingGraph graph = new ReportingGraph();

    private void unit(String id, LocalDate from, LocalDate until, String parent) {
        graph.addUnit(id, from, until);
        graph.addParentAssertion(id, 0, from, parent);
    }

    private void abc() {
        unit("a", START, null, null);
        unit("b", START, null, "a");
        unit("c", START, null, "b");
    }

    @Test
    void a_unit_reports_to_the_parent_it_was_established_under() {
        abc();
        assertThat(graph.parentOn("c", on("2001-01-01"))).isEqualTo("b");
        assertThat(graph.parentOn("a", on("2001-01-01"))).isNull();
    }

    @Test
    void a_unit_reports_to_no_one_before_it_is_established() {
        abc();
        assertThat(graph.parentOn("c", on("1999-12-31"))).isNull();
    }

    @Test
    void a_back_dated_move_applies_from_its_own_date_not_from_when_it_was_recorded() {
        abc();
        unit("d", START, null, "a");
        graph.addParentAssertion("c", 1, on("2005-01-01"), "a");
        graph.addParentAssertion("c", 2, on("2003-01-01"), "d");
        assertThat(graph.parentOn("c", on("2002-12-31"))).isEqualTo("b");
        assertThat(graph.parentOn("c", on("2003-01-01"))).isEqualTo("d");
        assertThat(graph.parentOn("c", on("2004-12-31"))).isEqualTo("d");
        assertThat(graph.parentOn("c", on("2005-01-01"))).isEqualTo("a");
    }

    @Test
    void of_two_moves_on_the_same_day_the_later_recorded_one_counts() {
        abc();
        unit("d", START, null, "a");
        graph.addParentAssertion("c", 2, on("2003-01-01"), "a");
        graph.addParentAssertion("c", 1, on("2003-01-01"), "d");
        assertThat(graph.parentOn("c", on("2003-01-01"))).isEqualTo("a");
    }

    @Test
    void depth_counts_the_steps_to_the_top_on_a_date() {
        abc();
        graph.addParentAssertion("c", 1, on("2003-01-01"), "a");
        assertThat(graph.depthOn("a", on("2001-01-01"))).isZero();
        assertThat(graph.depthOn("b", on("2001-01-01"))).isEqualTo(1);
        assertThat(graph.depthOn("c", on("2001-01-01"))).isEqualTo(2);
        assertThat(graph.depthOn("c", on("2003-01-01"))).isEqualTo(1);
    }

    @Test
    void moving_a_unit_under_its_child_or_grandchild_would_make_a_cycle() {
        abc();
        assertThat(graph.wouldCycle("a", "b", on("2001-01-01"))).isTrue();
        assertThat(graph.wouldCycle("a", "c", on("2001-01-01"))).isTrue();
    }

    @Test
    void moving_a_unit_under_a_sibling_or_an_ancestor_makes_no_cycle() {
        abc();
        unit("d", START, null, "a");
        assertThat(graph.wouldCycle("c", "d", on("2001-01-01"))).isFalse();
        assertThat(graph.wouldCycle("c", "a", on("2001-01-01"))).isFalse();
    }

    @Test
    void a_move_that_cycles_only_on_a_later_date_would_make_a_cycle() {
        unit("a", START, null, null);
        unit("d", START, null, null);
        graph.addParentAssertion("d", 1, on("2005-01-01"), "a");
        assertThat(graph.wouldCycle("a", "d", on("2001-01-01"))).isTrue();
    }

    @Test
    void a_move_that_would_have_cycled_only_before_its_date_makes_no_cycle() {
        abc();
        graph.addParentAssertion("c", 1, on("2003-01-01"), "a");
        assertThat(graph.wouldCycle("b", "c", on("2002-01-01"))).isTrue();
        assertThat(graph.wouldCycle("b", "c", on("2003-01-01"))).isFalse();
    }

    @Test
    void a_back_dated_move_under_a_unit_that_moved_under_it_later_would_make_a_cycle() {
        abc();
        unit("d", START, null, "a");
        graph.addParentAssertion("d", 1, on("2004-01-01"), "c");
        assertThat(graph.wouldCycle("b", "d", on("2002-01-01"))).isTrue();
    }

    @Test
    void asking_about_a_cycle_leaves_the_graph_as_it_was() {
        abc();
        graph.wouldCycle("a", "c", on("2001-01-01"));
        graph.wouldCycle("c", "a", on("2001-01-01"));
        assertThat(graph.parentOn("a", on("2002-01-01"))).isNull();
        assertThat(graph.parentOn("c", on("2002-01-01"))).isEqualTo("b");
    }

    @Test
    void children_in_force_from_a_date_include_those_under_the_unit_then_or_later() {
        abc();
        unit("d", START, null, "a");
        unit("e", on("2006-01-01"), null, "b");
        graph.addParentAssertion("d", 1, on("2005-01-01"), "b");
        assertThat(graph.childrenInForceFrom("b", on("2003-01-01"))).containsExactly("c", "d", "e");
    }

    @Test
    void children_in_force_from_a_date_leave_out_those_that_moved_away_or_ended_by_then() {
        abc();
        unit("d", START, on("2003-01-01"), "b");
        unit("e", START, on("2004-01-01"), "b");
        graph.addParentAssertion("c", 1, on("2003-01-01"), "a");
        assertThat(graph.childrenInForceFrom("b", on("2003-01-01"))).containsExactly("e");
    }

    @Test
    void a_child_that_moved_in_and_out_before_the_date_is_not_a_child_from_then() {
        abc();
        unit("d", START, null, "a");
        graph.addParentAssertion("d", 1, on("2001-01-01"), "b");
        graph.addParentAssertion("d", 2, on("2002-01-01"), "a");
        assertThat(graph.childrenInForceFrom("b", on("2002-01-01"))).containsExactly("c");
        assertThat(graph.childrenInForceFrom("b", on("2001-06-01"))).containsExactly("c", "d");
    }

    private static LocalDate on(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
