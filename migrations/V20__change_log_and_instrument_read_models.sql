-- Read models of the query side, next to the bitemporal structure (V3). Each is kept by its
-- own tracking processor, is idempotent (keyed by the event's global sequence or the
-- instrument's symbol) and is rebuilt from the event log by a processor reset.

-- Every recorded change, one row per event: the timeline (replay of a transition, in
-- effective-date order) and each unit's history (in recorded order) read from it.
-- details holds the type-specific fields of the event as JSON.
CREATE TABLE change_log (
    sequence       bigint      NOT NULL,
    type           text        NOT NULL,
    unit_id        text,
    instrument     text,
    effective_from date        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    recorded_by    text,
    authority      jsonb,
    details        jsonb       NOT NULL,
    retracted_by   bigint,
    retracted_at   timestamptz,
    CONSTRAINT change_log_pkey PRIMARY KEY (sequence),
    CONSTRAINT change_log_subject_check CHECK (unit_id IS NOT NULL OR instrument IS NOT NULL)
);
CREATE INDEX change_log_effective_idx ON change_log (effective_from, sequence);
CREATE INDEX change_log_unit_idx ON change_log (unit_id, sequence) WHERE unit_id IS NOT NULL;

-- Every recorded instrument with its period in force.
CREATE TABLE instrument_view (
    symbol         text        NOT NULL,
    kind           text        NOT NULL,
    title          jsonb       NOT NULL,
    issued_on      date        NOT NULL,
    effective_from date        NOT NULL,
    superseded_by  text,
    superseded_on  date,
    sequence       bigint      NOT NULL,
    recorded_at    timestamptz NOT NULL,
    recorded_by    text,
    CONSTRAINT instrument_view_pkey PRIMARY KEY (symbol)
);
CREATE INDEX instrument_view_superseded_by_idx ON instrument_view (superseded_by) WHERE superseded_by IS NOT NULL;
