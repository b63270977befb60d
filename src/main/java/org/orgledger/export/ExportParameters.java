package org.orgledger.export;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.orgledger.ledger.LedgerDates;

/**
 * Reads the exports' query parameters, refusing a malformed one with the same codes the other
 * reads use (README, "Reading the ledger"), so that a client handles both alike.
 */
final class ExportParameters {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private ExportParameters() {
    }

    static LocalDate requiredDate(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidExportParameter("MISSING_PARAMETER", field, null, field + " is required (a date, YYYY-MM-DD)");
        }
        return date(field, value);
    }

    /** A date within the ledger's range, or null when absent. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (LedgerDates.holds(date)) {
                return date;
            }
        } catch (DateTimeException notADate) {
            // answered below, like a date out of range
        }
        throw new InvalidExportParameter("INVALID_DATE", field, value, field + " " + LedgerDates.DATE_RULE + ": " + value);
    }

    /** An ISO-8601 instant (an offset is accepted too) within the ledger's range, or {@code fallback}. */
    static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Instant instant = OffsetDateTime.parse(value.trim()).toInstant();
            if (LedgerDates.holds(instant)) {
                return instant;
            }
        } catch (DateTimeException notAnInstant) {
            // answered below, like an instant out of range
        }
        throw new InvalidExportParameter("INVALID_INSTANT", field, value, field + " " + LedgerDates.INSTANT_RULE + ": " + value);
    }

    static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidExportParameter("INVALID_DATE_RANGE", "from", from.toString(),
                    "from (" + from + ") is after to (" + to + ")");
        }
    }

    /** A language tag such as {@code en} or {@code zh}, or {@code fallback}. */
    static String language(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!LANGUAGE_TAG.matcher(value.trim()).matches()) {
            throw new InvalidExportParameter("INVALID_LANGUAGE", "lang", value, "lang is not a language tag (e.g. en, zh): " + value);
        }
        return value.trim();
    }

    static String format(String value, List<String> formats) {
        String format = value == null || value.isBlank() ? formats.get(0) : value.trim();
        if (!formats.contains(format)) {
            throw new InvalidExportParameter("INVALID_INPUT", "format", value,
                    "format must be one of " + String.join(", ", formats) + ", not " + value);
        }
        return format;
    }
}
