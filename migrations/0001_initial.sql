-- 0001: protection centres, cases with parties and IP rights, the append-only case timeline,
-- and the per-centre, per-year case number counters.

CREATE TABLE protection_centres (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}(-[A-Z0-9]{2,8})?$'),
    region      text NOT NULL CHECK (region IN ('FJ','JX','HN','GD','GX','HI','SC','GZ','YN','HK','MO')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL
);

-- One row per centre and year; incremented inside the filing transaction, so a rolled-back
-- filing also rolls back its number: numbers have neither gaps nor duplicates.
CREATE TABLE case_number_counters (
    centre_code text NOT NULL REFERENCES protection_centres (code),
    year        integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    last_value  integer NOT NULL CHECK (last_value >= 0),
    PRIMARY KEY (centre_code, year)
);

CREATE TABLE cases (
    id                  uuid PRIMARY KEY,
    number              text NOT NULL UNIQUE,
    centre_code         text NOT NULL REFERENCES protection_centres (code),
    kind                text NOT NULL CHECK (kind IN ('FastTrackPreExamination','RightsDefence','Mediation','Arbitration')),
    state               text NOT NULL,
    title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary             text NOT NULL DEFAULT '',
    priority            boolean NOT NULL DEFAULT false,
    external_reference  text NULL,
    filed_at            timestamptz NOT NULL,
    filed_by            text NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer NOT NULL CHECK (version >= 1),
    -- Lower-cased number, title, reference, party names and right numbers, written at filing,
    -- so the triage queue's free-text filter reads one column.
    search_text         text NOT NULL DEFAULT '',
    CONSTRAINT cases_external_reference_unique UNIQUE (centre_code, external_reference)
);
-- The triage queue: priority first, then oldest first, usually within one centre.
CREATE INDEX cases_triage_queue ON cases (centre_code, priority DESC, filed_at, id);
CREATE INDEX cases_filed_at ON cases (filed_at, id);

CREATE TABLE case_parties (
    case_id     uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL CHECK (ordinal >= 1),
    role        text NOT NULL CHECK (role IN ('Applicant','Complainant','Respondent')),
    kind        text NOT NULL CHECK (kind IN ('Person','Organisation')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    identifier  text NULL,
    email       text NULL,
    phone       text NULL,
    address     text NULL,
    PRIMARY KEY (case_id, ordinal)
);

CREATE TABLE case_rights (
    case_id     uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL CHECK (ordinal >= 1),
    kind        text NOT NULL CHECK (kind IN ('InventionPatent','UtilityModelPatent','DesignPatent','Trademark','Copyright','Other')),
    number      text NOT NULL,
    title       text NULL,
    PRIMARY KEY (case_id, ordinal)
);

-- The timeline: one row per recorded change, written in the change's own transaction.
-- sequence equals the case's version after the change.
CREATE TABLE case_events (
    case_id     uuid NOT NULL REFERENCES cases (id),
    sequence    integer NOT NULL CHECK (sequence >= 1),
    type        text NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor       text NOT NULL,
    reason      text NULL,
    data        jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (case_id, sequence)
);

-- Append-only: the database itself refuses to rewrite or erase history.
CREATE FUNCTION case_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER case_events_append_only
    BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION case_events_are_append_only();
CREATE TRIGGER case_events_no_truncate
    BEFORE TRUNCATE ON case_events
    FOR EACH STATEMENT EXECUTE FUNCTION case_events_are_append_only();
