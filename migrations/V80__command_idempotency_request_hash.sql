-- Issue 14: a key names one request. What the first request with a key was (its method, path and
-- body, hashed) is stored with it, so that the key sent again with another request is refused
-- instead of being answered with the first request's receipt. Keys recorded before have none.
ALTER TABLE command_idempotency ADD COLUMN request_hash varchar(64);
