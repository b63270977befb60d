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
final class ApiSchemas {

    static final String UNIT_ID = "^" + UnitId.PATTERN + "$";
    static final String FUNCTION_ID = "^" + FunctionId.PATTERN + "$";
    static final String SYMBOL = "^" + InstrumentSymbol.PATTERN + "$";
    static final String PROVISION = "^" + Authority.PROVISION_PATTERN + "$";
    static final String LEVEL = "^" + HeadLevel.PATTERN + "$";
    static final String DATE = LedgerDates.DATE_PATTERN;
    static final String DATE_TEXT = "A date from 1000-01-01 to 9999-12-31 (YYYY-MM-DD)";
    static final String TEXT = "Per language tag (en, zh, ...) a text of at most 4000 characters, well-formed Unicode "
            + "with a visible character, no control or bidirectional override/isolate characters; kept in NFC";

    private ApiSchemas() {
    }
}
