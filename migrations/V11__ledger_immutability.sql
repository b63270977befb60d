-- The ledger is append-only: the database itself refuses to change or remove recorded events,
-- their chain hashes, signed tree heads and signing keys. Nothing in normal operation or in a
-- replay updates or deletes these rows (projections are rebuilt from them, never the reverse).
-- Tampering now needs a superuser who disables the triggers; the hash chain and the signed tree
-- heads then still detect it.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER domain_event_entry_append_only BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER domain_event_entry_no_truncate BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE TRIGGER ledger_hash_append_only BEFORE UPDATE OR DELETE ON ledger_hash
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_hash_no_truncate BEFORE TRUNCATE ON ledger_hash
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE TRIGGER ledger_tree_head_append_only BEFORE UPDATE OR DELETE ON ledger_tree_head
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_tree_head_no_truncate BEFORE TRUNCATE ON ledger_tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE TRIGGER ledger_signing_key_append_only BEFORE UPDATE OR DELETE ON ledger_signing_key
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_signing_key_no_truncate BEFORE TRUNCATE ON ledger_signing_key
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
