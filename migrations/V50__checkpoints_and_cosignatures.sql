-- C2SP checkpoints (c2sp.org/tlog-checkpoint) beside the signed tree heads, and the witnesses'
-- cosignatures on them (c2sp.org/tlog-cosignature). See docs/decisions/0010-checkpoints-and-witnesses.md.

-- One per signed tree head written from this version on, in the same transaction: the signed
-- note exactly as served (origin, size, base64 root; the ledger's Ed25519 signature line). Kept
-- as text so that the bytes a reader was shown can be shown again, whatever the key is today.
CREATE TABLE ledger_checkpoint (
    tree_size bigint NOT NULL,
    origin    text   NOT NULL,
    key_id    text   NOT NULL,
    note      text   NOT NULL,
    CONSTRAINT ledger_checkpoint_pkey PRIMARY KEY (tree_size),
    CONSTRAINT ledger_checkpoint_tree_head_fkey FOREIGN KEY (tree_size) REFERENCES ledger_tree_head (tree_size),
    CONSTRAINT ledger_checkpoint_key_fkey FOREIGN KEY (key_id) REFERENCES ledger_signing_key (key_id)
);

-- A witness's cosignature line on one checkpoint, as the witness returned it (already verified
-- against the witness's configured key). The largest size a witness cosigned is the size it
-- last saw: the next submission proves consistency from there.
CREATE TABLE ledger_cosignature (
    witness     text        NOT NULL,
    tree_size   bigint      NOT NULL,
    line        text        NOT NULL,
    received_at timestamptz NOT NULL,
    CONSTRAINT ledger_cosignature_pkey PRIMARY KEY (witness, tree_size),
    CONSTRAINT ledger_cosignature_checkpoint_fkey FOREIGN KEY (tree_size) REFERENCES ledger_checkpoint (tree_size)
);

CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_cosignature_append_only BEFORE UPDATE OR DELETE ON ledger_cosignature
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_cosignature_no_truncate BEFORE TRUNCATE ON ledger_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
