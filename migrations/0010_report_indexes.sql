-- 0010: indexes for the case report (案件统计报表), so a report on one period reads that period's
-- rows rather than the whole history.

-- The timeline by time: the steps left in a period (and, without a centre to narrow them, the
-- cases closed in it) are found from the period's entries. BRIN, because the timeline is
-- append-only and written in time order, so each block range covers a narrow span of time: the
-- index is a few pages however long the history grows, and costs filings and actions next to
-- nothing to keep up (a B-tree here would add an index write to every step of every case). A range
-- is summarised by autovacuum as soon as it fills (autosummarize); until then it is read whole,
-- which only ever concerns the newest entries. Measured on 500,000 entries over six years: a
-- quarter's steps read 423 of 7,335 blocks.
CREATE INDEX case_events_occurred_at ON case_events USING brin (occurred_at) WITH (autosummarize = on);

-- Statutory deadlines by the moment their outcome was settled: a deadline met in time when it was
-- met, a missed one when it fell due. The report's query repeats this expression exactly. Open
-- deadlines are left out: their outcome is not settled yet (running ones past due are found
-- through deadlines_expiry_due).
CREATE INDEX deadlines_settled ON deadlines ((CASE WHEN status = 'Met' THEN closed_at ELSE due_at END))
    WHERE status IN ('Met', 'MetLate', 'Overdue', 'Lapsed', 'ExpiredByAction');
