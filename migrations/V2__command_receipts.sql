-- Which command produced which events: written in the appending transaction, so a caller is
-- told the sequences of exactly its own events.
CREATE TABLE command_receipt (
    sequence   bigint NOT NULL,
    command_id text   NOT NULL,
    CONSTRAINT command_receipt_pkey PRIMARY KEY (sequence),
    CONSTRAINT command_receipt_sequence_fkey FOREIGN KEY (sequence) REFERENCES domain_event_entry (global_index)
);
CREATE INDEX command_receipt_command_idx ON command_receipt (command_id);
