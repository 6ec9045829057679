-- 0003: holiday calendars (节假日安排) per calendar kind: the mainland's national schedule, Hong
-- Kong's and Macao's. The shipped files of calendars/ are loaded at start-up, year by year; an
-- administrator adds later years and records single days (e.g. a Hong Kong black rainstorm warning
-- day after the fact). Every change bumps calendar_revision under an exclusive advisory lock, so
-- each node's cached calendars are reloaded before the next deadline is computed.

CREATE TABLE calendar_years (
    calendar   text NOT NULL CHECK (calendar IN ('Mainland','HongKong','Macao')),
    year       integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    source     text NOT NULL,
    loaded_at  timestamptz NOT NULL,
    loaded_by  text NOT NULL,
    PRIMARY KEY (calendar, year)
);

-- One recorded date; a date not recorded is an ordinary weekday or weekend day.
CREATE TABLE calendar_days (
    calendar    text NOT NULL,
    year        integer NOT NULL,
    date        date NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('Holiday','AdjustedWorkingDay','GovernmentHoliday','HalfDayGovernmentHoliday','WarningDay')),
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL,
    reason      text NULL,
    PRIMARY KEY (calendar, date),
    FOREIGN KEY (calendar, year) REFERENCES calendar_years (calendar, year),
    CHECK (year = date_part('year', date))
);

-- One row: the revision every calendar change bumps.
CREATE TABLE calendar_revision (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision  bigint NOT NULL
);

INSERT INTO calendar_revision (singleton, revision) VALUES (true, 0);
