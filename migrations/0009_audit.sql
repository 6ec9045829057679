-- 0009: the audit log (审计日志). Append-only and hash-chained: each entry carries the SHA-256 of
-- its own canonical encoding, which includes the previous entry's hash, so altering, removing or
-- reordering an entry breaks the chain where it happened (GET /api/audit/verify finds it). The
-- application computes the hashes (Cases.Workflows.Audit.AuditHash); the database refuses to
-- change or remove entries, so only someone who can disable that refusal can tamper, and even
-- then the chain shows it.

CREATE TABLE audit_log (
    sequence       bigint PRIMARY KEY CHECK (sequence > 0),
    recorded_at    timestamptz NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('SignIn', 'SignInFailed', 'CaseRead', 'Change')),
    actor          text NOT NULL,
    user_id        uuid NULL,
    source_address text NULL,
    subject        text NULL,
    summary        text NOT NULL,
    previous_hash  bytea NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash           bytea NOT NULL CHECK (octet_length(hash) = 32)
);

-- "Everything that happened to case X" and "everything user Y did", newest first.
CREATE INDEX audit_log_subject ON audit_log (subject, sequence DESC) WHERE subject IS NOT NULL;
CREATE INDEX audit_log_user ON audit_log (user_id, sequence DESC) WHERE user_id IS NOT NULL;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit entries are never changed or removed; append a new entry instead.';
END;
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
