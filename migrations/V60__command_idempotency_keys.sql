-- Issue 14: a client that retries a command on another node (its first node died before it
-- answered) names it with an Idempotency-Key; the key's command id and the sequences it appended
-- are written in the appending transaction, so any node answers the retry with the same receipt.
CREATE TABLE command_idempotency (
    command_id  varchar(400)             NOT NULL,
    sequences   bigint[]                 NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT command_idempotency_pkey PRIMARY KEY (command_id)
);
