-- The Merkle tree over the hash chain, stored as it grows in the C2SP tlog-tiles layout
-- (c2sp.org/tlog-tiles), so that roots and proofs read O(log n) hashes instead of every leaf.
-- See docs/decisions/0017-stored-merkle-tiles.md and docs/audit-proofs.md.

-- Tile idx of a level: up to 256 consecutive hashes of that level, concatenated. Level 0 holds
-- leaf hashes SHA-256(0x00 || chain hash); a hash at level l is the root of 256^l leaves.
-- Written in the appending transaction, so a tile is exactly as durable as its leaves.
CREATE TABLE ledger_tile (
    level  smallint NOT NULL,
    idx    bigint   NOT NULL,
    width  smallint NOT NULL,
    hashes bytea    NOT NULL,
    CONSTRAINT ledger_tile_pkey PRIMARY KEY (level, idx),
    CONSTRAINT ledger_tile_level_check CHECK (level BETWEEN 0 AND 7),
    CONSTRAINT ledger_tile_idx_check CHECK (idx >= 0),
    CONSTRAINT ledger_tile_width_check CHECK (width BETWEEN 1 AND 256),
    CONSTRAINT ledger_tile_hashes_length_check CHECK (length(hashes) = 32 * width)
);
-- Hashes do not compress: store them out of line without trying.
ALTER TABLE ledger_tile ALTER COLUMN hashes SET STORAGE EXTERNAL;

-- Append-only like the chain (V11), with the one change tiles need: a partial tile (fewer than
-- 256 hashes) may be extended, keeping every hash it had. A full tile never changes; nothing is
-- ever deleted.
CREATE FUNCTION ledger_tile_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.width < 256 AND NEW.level = OLD.level AND NEW.idx = OLD.idx
            AND NEW.width > OLD.width
            AND substring(NEW.hashes FROM 1 FOR length(OLD.hashes)) = OLD.hashes THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the ledger is append-only: % on % is refused (a partial tile may only be extended)',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER ledger_tile_append_only BEFORE UPDATE OR DELETE ON ledger_tile
    FOR EACH ROW EXECUTE FUNCTION ledger_tile_refuse_change();
CREATE TRIGGER ledger_tile_no_truncate BEFORE TRUNCATE ON ledger_tile
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
