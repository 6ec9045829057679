-- 0008: idempotency keys (ADR 0014). A client that retries a filing or an action with the same
-- Idempotency-Key gets the first attempt's response back instead of a second case or a second
-- action. The row is inserted first thing inside the command's transaction and its response
-- stored just before the commit, so the key, the change and the response commit together or not
-- at all: a concurrent duplicate waits on the primary key until the first attempt commits (then
-- replays its response) or rolls back (then does the work itself).

CREATE TABLE idempotency_keys (
    -- Keys are the signed-in user's own: two users may use the same key independently.
    user_id               uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key                   varchar(255) NOT NULL,
    -- SHA-256 of method, path and body: the same key with another request is refused (422).
    request_fingerprint   bytea NOT NULL CHECK (octet_length(request_fingerprint) = 32),
    -- The response to replay; null only inside the transaction that claimed the key.
    response_status       integer NULL,
    response_location     text NULL,
    response_content_type text NULL,
    response_body         text NULL,
    created_at            timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);

-- Keys older than a day are purged a few at a time by later claims.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
