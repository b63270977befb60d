-- The bitemporal read model of the structure. See docs/decisions/0003-bitemporal-read-model.md.

-- Every assertion a recorded change makes about one fact of one unit: the input from which
-- the fact's timeline is recomputed. fact_key is 'existence', 'name', 'parent', 'head' or
-- 'function:<function id>'.
CREATE TABLE structure_assertion (
    sequence       bigint      NOT NULL,
    unit_id        text        NOT NULL,
    fact_key       text        NOT NULL,
    effective_from date        NOT NULL,
    ends           boolean     NOT NULL,
    value          jsonb,
    authority      jsonb       NOT NULL,
    recorded_at    timestamptz NOT NULL,
    retracted_at   timestamptz,
    CONSTRAINT structure_assertion_pkey PRIMARY KEY (sequence, unit_id, fact_key),
    CONSTRAINT structure_assertion_value_check CHECK (ends OR value IS NOT NULL)
);
CREATE INDEX structure_assertion_fact_idx ON structure_assertion (unit_id, fact_key);

-- The materialized timelines: a fact's value over a valid-time range, as the ledger knew it
-- over a transaction-time range. One as-of query reads only the rows valid on that date and
-- known at that instant, through the GiST index, whatever the length of history.
CREATE TABLE structure_fact (
    id              bigint GENERATED ALWAYS AS IDENTITY,
    unit_id         text      NOT NULL,
    fact_key        text      NOT NULL,
    value           jsonb     NOT NULL,
    authority       jsonb     NOT NULL,
    source_sequence bigint    NOT NULL,
    valid           daterange NOT NULL,
    known           tstzrange NOT NULL,
    CONSTRAINT structure_fact_pkey PRIMARY KEY (id),
    CONSTRAINT structure_fact_valid_not_empty CHECK (NOT isempty(valid)),
    CONSTRAINT structure_fact_known_not_empty CHECK (NOT isempty(known))
);
CREATE INDEX structure_fact_bitemporal_idx ON structure_fact USING gist (valid, known);
CREATE INDEX structure_fact_current_idx ON structure_fact (unit_id, fact_key) WHERE upper_inf(known);
