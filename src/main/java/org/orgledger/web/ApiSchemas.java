package org.orgledger.web;

import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.unit.api.FunctionId;
import org.orgledger.unit.api.HeadLevel;
import org.orgledger.unit.api.UnitId;

/**
 * The value syntaxes as the OpenAPI description publishes them, taken from the value records
 * themselves, so that a client (or a fuzzer) generating from the description meets the real rules.
 */
public final class ApiSchemas {

    public static final String UNIT_ID = "^" + UnitId.PATTERN + "$";
    public static final String FUNCTION_ID = "^" + FunctionId.PATTERN + "$";
    public static final String SYMBOL = "^" + InstrumentSymbol.PATTERN + "$";
    public static final String PROVISION = "^" + Authority.PROVISION_PATTERN + "$";
    public static final String LEVEL = "^" + HeadLevel.PATTERN + "$";
    public static final String DATE = LedgerDates.DATE_PATTERN;
    public static final String DATE_TEXT = "A date from 1000-01-01 to 9999-12-31 (YYYY-MM-DD)";
    public static final String TEXT = "Per language tag (en, zh, ...) a text of at most 4000 characters, well-formed Unicode "
            + "with a visible character, no control or bidirectional override/isolate characters; kept in NFC";

    public static final String LANG = "Preferred language (e.g. zh): every text per language lists it first and gets a "
            + "sibling preferredName/preferredTitle/preferredText in it; no language is dropped.";
    public static final String KNOWN_AT = "Read the ledger as it stood at this instant (ISO-8601, e.g. 2026-11-24T00:00:00Z); default: now.";

    private ApiSchemas() {
    }
}
