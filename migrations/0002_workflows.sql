-- 0002: cases run on versioned workflow definitions. Each case is pinned to the definition and
-- version it started on, has a handling centre (which a cross-region referral can change), keeps
-- facts its steps recorded, and has named clocks whose every operation is logged with the
-- timeline entry that caused it. Messages to other centres and bodies go through an outbox
-- written in the same transaction. Registries that workflow guards consult: a centre's
-- pre-examination scope (IPC classes) and registered applicants, and recorded conflict links.

ALTER TABLE cases
    ADD COLUMN workflow_id            text NULL,
    ADD COLUMN workflow_version       integer NULL,
    ADD COLUMN handling_centre_code   text NULL REFERENCES protection_centres (code),
    ADD COLUMN referred_to_centre_code text NULL REFERENCES protection_centres (code),
    ADD COLUMN facts                  jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Cases filed before workflows existed are in state Filed, the initial state of every pipeline's
-- version 1.
UPDATE cases SET
    workflow_id = CASE kind
        WHEN 'FastTrackPreExamination' THEN 'fast-track-pre-examination'
        WHEN 'RightsDefence' THEN 'rights-defence'
        ELSE 'mediation-arbitration'
    END,
    workflow_version = 1,
    handling_centre_code = centre_code;

ALTER TABLE cases
    ALTER COLUMN workflow_id SET NOT NULL,
    ALTER COLUMN workflow_version SET NOT NULL,
    ALTER COLUMN handling_centre_code SET NOT NULL,
    ADD CONSTRAINT cases_workflow_version_positive CHECK (workflow_version >= 1),
    ADD CONSTRAINT cases_referred_elsewhere CHECK (referred_to_centre_code IS DISTINCT FROM handling_centre_code);

-- Version migration finds a definition's running cases; staff find what is referred to them.
CREATE INDEX cases_workflow ON cases (workflow_id, workflow_version, state);
CREATE INDEX cases_referred_to ON cases (referred_to_centre_code) WHERE referred_to_centre_code IS NOT NULL;
-- A centre's triage queue is now the cases it handles (and those referred to it): priority
-- first, then oldest first. The queue by filing centre is no longer read.
DROP INDEX cases_triage_queue;
CREATE INDEX cases_handling_queue ON cases (handling_centre_code, priority DESC, filed_at, id);

-- The current state of each named clock of a case.
CREATE TABLE case_clocks (
    case_id     uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    name        text NOT NULL,
    status      text NOT NULL CHECK (status IN ('Running','Paused','Stopped')),
    started_at  timestamptz NOT NULL,
    paused_at   timestamptz NULL,
    paused_for  interval NOT NULL DEFAULT interval '0',
    stopped_at  timestamptz NULL,
    extended    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (case_id, name),
    CHECK ((status = 'Paused') = (paused_at IS NOT NULL)),
    CHECK ((status = 'Stopped') = (stopped_at IS NOT NULL))
);

-- Every clock operation, under the timeline entry of the step that performed it.
CREATE TABLE case_clock_operations (
    case_id     uuid NOT NULL,
    sequence    integer NOT NULL,
    ordinal     integer NOT NULL CHECK (ordinal >= 1),
    clock       text NOT NULL,
    operation   text NOT NULL CHECK (operation IN ('Start','Stop','Pause','Resume','Extend')),
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, sequence, ordinal),
    FOREIGN KEY (case_id, sequence) REFERENCES case_events (case_id, sequence)
);
CREATE TRIGGER case_clock_operations_append_only
    BEFORE UPDATE OR DELETE ON case_clock_operations
    FOR EACH ROW EXECUTE FUNCTION case_events_are_append_only();

-- Messages for other centres (referrals, information notices, co-investigation requests) and
-- outside bodies (CNIPA), written with the step that sends them; a dispatcher marks them sent.
CREATE TABLE outbox_messages (
    id            uuid PRIMARY KEY,
    case_id       uuid NOT NULL,
    sequence      integer NOT NULL,
    type          text NOT NULL,
    recipient     text NOT NULL,
    payload       jsonb NOT NULL,
    occurred_at   timestamptz NOT NULL,
    dispatched_at timestamptz NULL,
    FOREIGN KEY (case_id, sequence) REFERENCES case_events (case_id, sequence)
);
CREATE INDEX outbox_messages_pending ON outbox_messages (occurred_at, id) WHERE dispatched_at IS NULL;
CREATE INDEX outbox_messages_recipient ON outbox_messages (recipient, occurred_at);

-- Fast-track pre-examination: the technical fields (IPC classes or class prefixes) a centre
-- pre-examines, and the applicants registered with it (备案).
CREATE TABLE centre_technical_scope (
    centre_code text NOT NULL REFERENCES protection_centres (code),
    ipc_class   text NOT NULL CHECK (ipc_class ~ '^[A-H]([0-9]{2}([A-Z]([0-9]{1,4}(/[0-9]{2,6})?)?)?)?$'),
    PRIMARY KEY (centre_code, ipc_class)
);

CREATE TABLE centre_registered_applicants (
    centre_code   text NOT NULL REFERENCES protection_centres (code),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    identifier    text NULL,
    registered_at timestamptz NOT NULL,
    PRIMARY KEY (centre_code, name)
);
CREATE UNIQUE INDEX centre_registered_applicants_identifier ON centre_registered_applicants (centre_code, identifier) WHERE identifier IS NOT NULL;

-- Recorded links (利害关系) between a mediator or arbitrator and a party; assignment refuses a
-- person linked to either party.
CREATE TABLE conflict_links (
    id            uuid PRIMARY KEY,
    person        text NOT NULL CHECK (length(person) BETWEEN 1 AND 200),
    party_name    text NOT NULL CHECK (length(party_name) BETWEEN 1 AND 200),
    relationship  text NOT NULL CHECK (length(relationship) BETWEEN 1 AND 500),
    recorded_at   timestamptz NOT NULL,
    recorded_by   text NOT NULL
);
CREATE INDEX conflict_links_person ON conflict_links (lower(person));
