-- The audit hash chain and the signed Merkle tree heads over it.
-- See docs/decisions/0004-hash-chain.md and docs/audit-chain.md for the canonical form.

-- One row per event, written in the appending transaction: hash = SHA-256 of the event's
-- canonical form, which includes previous_hash (32 zero bytes for the first event).
CREATE TABLE ledger_hash (
    sequence      bigint NOT NULL,
    previous_hash bytea  NOT NULL,
    hash          bytea  NOT NULL,
    CONSTRAINT ledger_hash_pkey PRIMARY KEY (sequence),
    CONSTRAINT ledger_hash_sequence_fkey FOREIGN KEY (sequence) REFERENCES domain_event_entry (global_index),
    CONSTRAINT ledger_hash_hash_length_check CHECK (length(hash) = 32),
    CONSTRAINT ledger_hash_previous_hash_length_check CHECK (length(previous_hash) = 32)
);

-- The public keys that have signed tree heads, so that a head outlives a key rotation.
CREATE TABLE ledger_signing_key (
    key_id        text        NOT NULL,
    public_key    bytea       NOT NULL,
    registered_at timestamptz NOT NULL,
    CONSTRAINT ledger_signing_key_pkey PRIMARY KEY (key_id)
);

-- A signed tree head per event: the Merkle root of the log up to and including it. Because
-- every size is signed, any later rewrite names its first altered event exactly, and the
-- newest head tells how long the log was (deleting the newest events is detected).
-- frontier holds the hashes of the complete subtrees of the tree (largest first): the next
-- head is computed from it in O(log n). The verifier never trusts it; it recomputes roots.
CREATE TABLE ledger_tree_head (
    tree_size     bigint NOT NULL,
    last_sequence bigint NOT NULL,
    root          bytea  NOT NULL,
    recorded_at   text   NOT NULL,
    frontier      bytea  NOT NULL,
    key_id        text   NOT NULL,
    signature     bytea  NOT NULL,
    CONSTRAINT ledger_tree_head_pkey PRIMARY KEY (tree_size),
    CONSTRAINT ledger_tree_head_last_sequence_key UNIQUE (last_sequence),
    CONSTRAINT ledger_tree_head_last_sequence_fkey FOREIGN KEY (last_sequence) REFERENCES ledger_hash (sequence),
    CONSTRAINT ledger_tree_head_key_fkey FOREIGN KEY (key_id) REFERENCES ledger_signing_key (key_id),
    CONSTRAINT ledger_tree_head_size_check CHECK (tree_size > 0)
);
