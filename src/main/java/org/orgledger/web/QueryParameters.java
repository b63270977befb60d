package org.orgledger.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.orgledger.language.LocalizedText;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.ProblemCode;

/**
 * Parses the read endpoints' query parameters itself, so that every malformed value is
 * answered with the same problem: 400, a stable code and the offending field.
 */
public final class QueryParameters {

    private static final Pattern LANGUAGE_TAG = LocalizedText.LANGUAGE_TAG;

    private QueryParameters() {
    }

    /** What every read of the ledger takes besides its dates: as known when, and in which language. */
    public record Reading(Instant knownAt, String language) {
    }

    /** A read's {@code from} and {@code to} dates (null where optional and not given), in order. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** {@code from} and {@code to}, both required or both optional, and {@code from} not after {@code to}. */
    public static Period period(String from, String to, boolean required) {
        LocalDate start = required ? requiredDate("from", from) : optionalDate("from", from);
        LocalDate end = required ? requiredDate("to", to) : optionalDate("to", to);
        requireOrdered("from", start, "to", end);
        return new Period(start, end);
    }

    /** {@code knownAt} (default: now by {@code clock}) and {@code lang}, each checked. */
    public static Reading reading(String knownAt, String lang, Clock clock) {
        return new Reading(instant("knownAt", knownAt, clock.instant()), language(lang));
    }

    public static LocalDate requiredDate(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidQuery(ProblemCode.MISSING_PARAMETER, field, null, field + " is required (a date, YYYY-MM-DD)");
        }
        return optionalDate(field, value);
    }

    public static LocalDate optionalDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidQuery(ProblemCode.INVALID_DATE, field, value, field + " is not a date (YYYY-MM-DD): " + value);
        }
        if (!LedgerDates.holds(date)) {
            throw new InvalidQuery(ProblemCode.INVALID_DATE, field, value, field + " " + LedgerDates.DATE_RULE + ": " + value);
        }
        return date;
    }

    /** An ISO-8601 instant ({@code 2026-11-24T00:00:00Z}; an offset is accepted too), or {@code fallback}. */
    public static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Instant instant = parseInstant(field, value.trim());
        if (!LedgerDates.holds(instant)) {
            throw new InvalidQuery(ProblemCode.INVALID_INSTANT, field, value, field + " " + LedgerDates.INSTANT_RULE + ": " + value);
        }
        return instant;
    }

    private static Instant parseInstant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (java.time.DateTimeException e) {
                throw new InvalidQuery(ProblemCode.INVALID_INSTANT, field, text,
                        field + " is not an ISO-8601 instant (e.g. 2026-11-24T00:00:00Z): " + text);
            }
        }
    }

    public static void requireOrdered(String fromField, LocalDate from, String toField, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQuery(ProblemCode.INVALID_DATE_RANGE, fromField, from.toString(),
                    fromField + " (" + from + ") is after " + toField + " (" + to + ")");
        }
    }

    /** A BCP 47 language tag such as {@code en} or {@code zh}, or null. */
    public static String language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(value.trim()).matches()) {
            throw new InvalidQuery(ProblemCode.INVALID_LANGUAGE, "lang", value, "lang is not a language tag (e.g. en, zh): " + value);
        }
        return value.trim();
    }
}
