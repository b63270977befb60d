package org.orgledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LedgerDatesTest {

    @Test
    void the_range_is_years_1000_to_9999_inclusive() {
        assertThat(LedgerDates.holds(LocalDate.of(1000, 1, 1))).isTrue();
        assertThat(LedgerDates.holds(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(LedgerDates.holds(LocalDate.of(999, 12, 31))).isFalse();
        assertThat(LedgerDates.holds(LocalDate.of(10000, 1, 1))).isFalse();
        assertThat(LedgerDates.holds(LocalDate.of(-4713, 1, 1))).isFalse();
        assertThat(LedgerDates.holds(Instant.parse("9999-12-31T23:59:59.999Z"))).isTrue();
        assertThat(LedgerDates.holds(Instant.parse("-4714-11-24T00:00:00Z"))).isFalse();
    }

    @Test
    void a_date_outside_the_range_is_refused_with_its_field() {
        assertThatThrownBy(() -> LedgerDates.require("issuedOn", LocalDate.of(-4713, 1, 1)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors().get(0).field()).isEqualTo("issuedOn"));
        assertThat(LedgerDates.require("issuedOn", (LocalDate) null)).isNull();
    }

    @Test
    void the_openapi_pattern_agrees_with_the_range() {
        assertThat("1000-01-01").matches(LedgerDates.DATE_PATTERN);
        assertThat("9999-12-31").matches(LedgerDates.DATE_PATTERN);
        assertThat("0999-12-31").doesNotMatch(LedgerDates.DATE_PATTERN);
        assertThat("+10000-01-01").doesNotMatch(LedgerDates.DATE_PATTERN);
    }
}
