-- 0004: deadlines. Each case clock with a time limit has one deadline row: the due time computed
-- by the responsible centre's calendar, and the source of truth the timers act on (a timer only
-- wakes the system up; the row says whether anything is still due). Every change to a deadline
-- is recorded with who, when and why, in the same transaction. Rules come with defaults in code;
-- administrators override them per pipeline clock and region here.

CREATE TABLE deadlines (
    id                uuid PRIMARY KEY,
    case_id           uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    workflow_id       text NOT NULL,
    clock             text NOT NULL,
    centre_code       text NOT NULL REFERENCES protection_centres (code),
    handling_centre_code text NOT NULL REFERENCES protection_centres (code),
    region            text NOT NULL,
    unit              text NOT NULL CHECK (unit IN ('WorkingDays','Days','Months','Hours')),
    amount            integer NOT NULL CHECK (amount > 0),
    extension_amount  integer NULL CHECK (extension_amount > 0),
    target_amount     integer NULL CHECK (target_amount > 0),
    reminder_unit     text NULL CHECK (reminder_unit IN ('WorkingDays','Days','Hours')),
    reminder_amount   integer NULL CHECK (reminder_amount > 0),
    on_expiry         text NOT NULL CHECK (on_expiry IN ('MarkOverdue','TakeAction','Lapse')),
    expiry_action     text NULL,
    source            text NOT NULL,
    started_at        timestamptz NOT NULL,
    status            text NOT NULL CHECK (status IN ('Running','Paused','AwaitingCalendar','Overdue','Met','MetLate','Lapsed','ExpiredByAction')),
    paused_at         timestamptz NULL,
    paused_units      integer NOT NULL DEFAULT 0 CHECK (paused_units >= 0),
    extended          boolean NOT NULL DEFAULT false,
    last_day          date NULL,
    due_at            timestamptz NULL,
    target_at         timestamptz NULL,
    remind_at         timestamptz NULL,
    reminded_at       timestamptz NULL,
    closed_at         timestamptz NULL,
    explanation       jsonb NOT NULL,
    version           integer NOT NULL,
    UNIQUE (case_id, clock),
    CHECK ((status = 'Paused') = (paused_at IS NOT NULL)),
    CHECK ((status = 'AwaitingCalendar') = (due_at IS NULL)),
    CHECK ((on_expiry = 'TakeAction') = (expiry_action IS NOT NULL))
);
-- The timers' questions: which running deadlines are due to expire, or to be reminded of, by now.
CREATE INDEX deadlines_expiry_due ON deadlines (due_at) WHERE status = 'Running';
CREATE INDEX deadlines_reminder_due ON deadlines (remind_at) WHERE status = 'Running' AND reminded_at IS NULL;
-- Dashboards: a centre's open deadlines by due time (as the responsible or the handling centre).
CREATE INDEX deadlines_centre_queue ON deadlines (centre_code, status, due_at);
CREATE INDEX deadlines_handling_centre_queue ON deadlines (handling_centre_code, status, due_at);
-- A calendar change recomputes the open deadlines counted by that calendar's regions.
CREATE INDEX deadlines_open_by_region ON deadlines (region, due_at) WHERE status IN ('Running','Paused','AwaitingCalendar');

CREATE TABLE deadline_changes (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deadline_id    uuid NOT NULL REFERENCES deadlines (id) ON DELETE CASCADE,
    case_id        uuid NOT NULL,
    occurred_at    timestamptz NOT NULL,
    actor          text NOT NULL,
    kind           text NOT NULL,
    due_before     timestamptz NULL,
    due_after      timestamptz NULL,
    reason         text NOT NULL,
    case_sequence  integer NULL,
    FOREIGN KEY (case_id, case_sequence) REFERENCES case_events (case_id, sequence)
);
CREATE INDEX deadline_changes_by_deadline ON deadline_changes (deadline_id, id);
CREATE TRIGGER deadline_changes_append_only
    BEFORE UPDATE OR DELETE ON deadline_changes
    FOR EACH ROW EXECUTE FUNCTION case_events_are_append_only();

-- Overrides of the default rules, per pipeline clock, for one region or ('*') for all.
CREATE TABLE deadline_rules (
    workflow_id       text NOT NULL,
    clock             text NOT NULL,
    region            text NOT NULL,
    amount            integer NOT NULL CHECK (amount > 0),
    unit              text NOT NULL CHECK (unit IN ('WorkingDays','Days','Months','Hours')),
    calendar_of       text NOT NULL CHECK (calendar_of IN ('HandlingCentre','ReceivingCentre')),
    reminder_amount   integer NULL CHECK (reminder_amount > 0),
    reminder_unit     text NULL CHECK (reminder_unit IN ('WorkingDays','Days','Hours')),
    on_expiry         text NOT NULL CHECK (on_expiry IN ('MarkOverdue','TakeAction','Lapse')),
    expiry_action     text NULL,
    extension_amount  integer NULL CHECK (extension_amount > 0),
    target_amount     integer NULL CHECK (target_amount > 0),
    source            text NOT NULL,
    changed_at        timestamptz NOT NULL,
    changed_by        text NOT NULL,
    reason            text NOT NULL,
    PRIMARY KEY (workflow_id, clock, region)
);

-- Deadline notices (reminders, overdue, lapsed) go through the outbox too, but no timeline entry
-- causes them: the step sequence becomes optional.
ALTER TABLE outbox_messages ALTER COLUMN sequence DROP NOT NULL;
