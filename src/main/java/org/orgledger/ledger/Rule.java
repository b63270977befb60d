package org.orgledger.ledger;

/**
 * The rules of the ledger, each in one sentence. A rule's name is the stable {@code code} the API
 * answers when a command would break it (409, or 404 where the command names something the ledger
 * does not know), and each is checked by exactly one guard, a method named after the rule
 * ({@code requireParentInForce} for {@link #PARENT_NOT_IN_FORCE}), that the aggregate or
 * registry calls. The README's list of rules is checked against this one (RuleCatalogueTest).
 */
public enum Rule implements ErrorCode {
    UNIT_ALREADY_EXISTS(409, "A unit id is established once and never used for another unit."),
    UNKNOWN_UNIT(404, "A command or a read names a unit the ledger has recorded."),
    PARENT_NOT_IN_FORCE(409, "A unit reports only to a parent in force on the day the reporting line takes effect."),
    PARENT_ABOLISHED_WHILE_REPORTED_TO(409,
            "A unit does not come to report to a parent whose abolition, recorded for a later day, falls while it still reports to it."),
    REPORTING_CYCLE(409, "No unit comes to report to itself, directly or through others, on any date."),
    UNIT_HAS_CHILDREN_IN_FORCE(409, "A unit is not abolished while units report to it on or after that day."),
    BEFORE_ESTABLISHMENT(409,
            "No change to a unit takes effect before its establishment, and its abolition takes effect after that day."),
    UNIT_ABOLISHED(409, "No change to a unit takes effect on or after its abolition."),
    CHANGES_AFTER_ABOLITION(409, "A unit is abolished only from a day after every change recorded for it took effect."),
    FUNCTION_ID_TAKEN(409, "A function id is used once within a unit, even after the function is withdrawn."),
    FUNCTION_NOT_ASSIGNED(409, "Only a function in force on the day can be withdrawn or reaffirmed."),
    NO_HEAD_IN_FORCE(409, "Only a head in force on the day can be vacated."),
    INVALID_SUCCESSORS(409,
            "An abolition names successors that fit its closure (none, exactly one, or at least two): distinct units, other than the abolished one, in force on the day."),
    CHANGE_NOT_RETRACTABLE(409,
            "Only a change recorded for the unit, other than its establishment or a retraction, can be retracted."),
    CHANGE_ALREADY_RETRACTED(409, "A change is retracted at most once."),
    NO_CHANGE(409,
            "A change changes something: a renaming to the name in force, or an alternate name the unit already has, is refused."),
    LABEL_CHANGE_ONLY(409,
            "A renaming to the texts in force with other labels is not a change of the organization; a wrongly labelled text is corrected by retracting the change that recorded it."),
    UNKNOWN_INSTRUMENT(404, "A change cites, and a supersession names, an instrument the ledger has recorded."),
    INSTRUMENT_NOT_IN_FORCE(409, "A change cites an instrument in force on the day the change takes effect."),
    INSTRUMENT_ALREADY_EXISTS(409, "An instrument symbol is recorded once."),
    INSTRUMENT_ALREADY_SUPERSEDED(409, "An instrument is superseded at most once."),
    INVALID_SUPERSESSION(409, "An instrument is superseded by another instrument, on a day after it took effect."),
    INVALID_DATES(409, "An instrument takes effect on or after the day it is issued.");

    private final int httpStatus;
    private final String meaning;

    Rule(int httpStatus, String meaning) {
        this.httpStatus = httpStatus;
        this.meaning = meaning;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
