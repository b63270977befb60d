package org.orgledger.ledger;

/**
 * The ledger's rules. A rule's name is the stable {@code code} the API returns when a command
 * breaks it; most are conflicts with what the ledger holds (409), a few name something unknown (404).
 */
public enum Rule {
    UNIT_ALREADY_EXISTS(409),
    UNKNOWN_UNIT(404),
    PARENT_NOT_IN_FORCE(409),
    REPORTING_CYCLE(409),
    UNIT_HAS_CHILDREN_IN_FORCE(409),
    BEFORE_ESTABLISHMENT(409),
    UNIT_ABOLISHED(409),
    CHANGES_AFTER_ABOLITION(409),
    FUNCTION_ID_TAKEN(409),
    FUNCTION_NOT_ASSIGNED(409),
    NO_HEAD_IN_FORCE(409),
    INVALID_SUCCESSORS(409),
    CHANGE_NOT_RETRACTABLE(409),
    /** The change would change nothing: e.g. a renaming to the name in force, texts and labels alike. */
    NO_CHANGE(409),
    /**
     * A renaming to the same texts with other labels (e.g. an unofficial translation presented as
     * official wording): not a change of the organization; a wrongly labelled text is corrected by
     * retracting the change that recorded it.
     */
    LABEL_CHANGE_ONLY(409),
    UNKNOWN_INSTRUMENT(404),
    INSTRUMENT_NOT_IN_FORCE(409),
    INSTRUMENT_ALREADY_EXISTS(409),
    INSTRUMENT_ALREADY_SUPERSEDED(409),
    INVALID_SUPERSESSION(409),
    INVALID_DATES(409),
    CONCURRENT_CHANGE(409);

    private final int httpStatus;

    Rule(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
