-- Command-side lookup tables for the rules that span aggregates (set-based validation). Kept
-- by subscribing event handlers in the appending transaction, read only by command handlers
-- under the ledger lock. Separate from the read models; rebuildable from the events.

CREATE TABLE instrument_registry (
    symbol        text NOT NULL,
    effective_from date NOT NULL,
    superseded_on date,
    superseded_by text,
    CONSTRAINT instrument_registry_pkey PRIMARY KEY (symbol)
);

CREATE TABLE unit_registry (
    unit_id        text NOT NULL,
    established_on date NOT NULL,
    abolished_on   date,
    CONSTRAINT unit_registry_pkey PRIMARY KEY (unit_id)
);

-- Every reporting-line assertion of a unit (its establishment's parent, then each move);
-- change_number is the unit's own event sequence number.
CREATE TABLE unit_parent_assertion (
    unit_id        text    NOT NULL,
    change_number  bigint  NOT NULL,
    effective_from date    NOT NULL,
    parent_id      text,
    retracted      boolean NOT NULL DEFAULT false,
    CONSTRAINT unit_parent_assertion_pkey PRIMARY KEY (unit_id, change_number)
);
CREATE INDEX unit_parent_assertion_parent_idx ON unit_parent_assertion (parent_id);

-- Which instruments a unit's changes cite: whom a supersession must visit.
CREATE TABLE unit_citation (
    unit_id    text NOT NULL,
    instrument text NOT NULL,
    CONSTRAINT unit_citation_pkey PRIMARY KEY (instrument, unit_id)
);
