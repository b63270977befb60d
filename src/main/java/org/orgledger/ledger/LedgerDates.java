package org.orgledger.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The ledger's date range: years 1000 to 9999, the dates ISO 8601 writes without expansion
 * ({@code YYYY-MM-DD}) and that every store of the ledger (PostgreSQL {@code date},
 * {@code daterange}, {@code timestamptz}) holds exactly. A date or instant outside it is refused
 * at the edge (400 {@code INVALID_INPUT}, or {@code INVALID_DATE}/{@code INVALID_INSTANT} for a query
 * parameter) before it can become an event the read side cannot represent. See
 * docs/decisions/0008-date-range-and-text.md.
 */
public final class LedgerDates {

    public static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    public static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final Instant LATEST_INSTANT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    public static final String DATE_RULE = "must be a date from " + EARLIEST + " to " + LATEST + ", written YYYY-MM-DD";
    public static final String INSTANT_RULE = "must be an instant from " + EARLIEST + "T00:00:00Z to " + LATEST
            + "T23:59:59Z, written as ISO-8601 UTC";
    /** For OpenAPI: a date within the range, as a pattern (the day's validity is checked by the parser). */
    public static final String DATE_PATTERN = "^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

    private LedgerDates() {
    }

    public static boolean holds(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean holds(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }

    /** The date itself when the ledger can keep it (null passes: presence is checked elsewhere). */
    public static LocalDate require(String field, LocalDate date) {
        if (date != null && !holds(date)) {
            throw InvalidInput.of(field, DATE_RULE);
        }
        return date;
    }

    public static Instant require(String field, Instant instant) {
        if (instant != null && !holds(instant)) {
            throw InvalidInput.of(field, INSTANT_RULE);
        }
        return instant;
    }
}
