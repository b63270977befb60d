package org.orgledger.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.orgledger.ledger.ProblemCode;
import org.orgledger.web.InvalidQuery;
import org.orgledger.web.QueryParameters;

/**
 * Reads the exports' query parameters with the read endpoints' own parser ({@link QueryParameters}:
 * {@code MISSING_PARAMETER}, {@code INVALID_DATE}, {@code INVALID_INSTANT},
 * {@code INVALID_DATE_RANGE}, {@code INVALID_LANGUAGE}), adding only what exports have: a format.
 */
final class ExportParameters {

    private ExportParameters() {
    }

    static LocalDate requiredDate(String field, String value) {
        return QueryParameters.requiredDate(field, value);
    }

    /** A date within the ledger's range, or null when absent. */
    static LocalDate date(String field, String value) {
        return QueryParameters.optionalDate(field, value);
    }

    static Instant instant(String field, String value, Instant fallback) {
        return QueryParameters.instant(field, value, fallback);
    }

    static void requireOrdered(LocalDate from, LocalDate to) {
        QueryParameters.requireOrdered("from", from, "to", to);
    }

    /** A language tag such as {@code en} or {@code zh}, or {@code fallback}. */
    static String language(String value, String fallback) {
        String language = QueryParameters.language(value);
        return language == null ? fallback : language;
    }

    /** One of {@code formats} (the first when absent); anything else is refused, naming the field. */
    static String format(String value, List<String> formats) {
        String format = value == null || value.isBlank() ? formats.get(0) : value.trim();
        if (!formats.contains(format)) {
            throw new InvalidQuery(ProblemCode.INVALID_INPUT, "format", value,
                    "format must be one of " + String.join(", ", formats) + ", not " + value);
        }
        return format;
    }
}
