-- RFC 3161 timestamps from a Time-Stamp Authority on signed tree heads (issue 13, item 3). See
-- docs/decisions/0012-trusted-timestamps.md. Filled after the head's transaction has committed,
-- by a background thread, for the newest head at that moment: a stamp on the head of size N
-- also vouches for every smaller head, whose roots are proven from the same leaves.

-- The TimeStampToken (DER, a CMS SignedData) exactly as the TSA returned it: its message imprint
-- is SHA-256 of the head's signed statement (docs/audit-chain.md). gen_time is copied out of the
-- token for reading and paging only; the verifiers read it from the token.
CREATE TABLE ledger_timestamp (
    tree_size   bigint      NOT NULL,
    token       bytea       NOT NULL,
    gen_time    timestamptz NOT NULL,
    tsa         text        NOT NULL,
    received_at timestamptz NOT NULL,
    CONSTRAINT ledger_timestamp_pkey PRIMARY KEY (tree_size),
    CONSTRAINT ledger_timestamp_tree_head_fkey FOREIGN KEY (tree_size) REFERENCES ledger_tree_head (tree_size)
);

CREATE TRIGGER ledger_timestamp_append_only BEFORE UPDATE OR DELETE ON ledger_timestamp
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_timestamp_no_truncate BEFORE TRUNCATE ON ledger_timestamp
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
