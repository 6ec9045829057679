-- pgbench script for ./cases bench actions: what POST /api/cases/{id}/actions/{action} does in the database for
-- one action, with the statements EF Core sends (from its command log). Half the transactions are
-- sendInformationNotice (looks the recipient centre up; writes the timeline entry, the case's new version and an
-- outbox message), the other half suspendCase or resumeCase by the case's state (the HandlingDecision clock, the
-- timeline entry, the case's new state and version, a clock operation).
-- Round trips: the API reads the case with its clocks, parties and rights in one joined query, then SaveChanges sends
-- every write in one batch; here the writes go in one pipeline, so they take one round trip too. BEGIN takes one more
-- here than in the API, where Npgsql sends it with the read: pgbench cannot combine statements in prepared mode.
-- Each client works on its own 4 cases (client c on cases 4c to 4c+3, seeded by actions.pgbench-setup.sql), so, as
-- in the API bench, no two clients touch the same case. Run with -n -M prepared.
\set slot :client_id * 4 + random(0, 3)
\set notice random(0, 1)
BEGIN ISOLATION LEVEL READ COMMITTED;
-- EF Core's query, plus two aliases for \aset: the case's number would otherwise be overwritten by the right's.
SELECT c3.id, c3.centre_code, c3.external_reference, c3.facts, c3.filed_at, c3.filed_by, c3.handling_centre_code, c3.kind, c3.number AS case_number, c3.priority, c3.referred_to_centre_code, c3.search_text, c3.state, c3.summary, c3.title, c3.updated_at, c3.version, c3.workflow_id, c3.workflow_version, c0.case_id, c0.name, c0.extended, c0.paused_at, c0.paused_for, c0.started_at, c0.status, c0.stopped_at, c1.case_id, c1.ordinal, c1.address, c1.email, c1.identifier, c1.kind, c1.name, c1.phone, c1.role, c2.case_id, c2.ordinal, c2.kind, c2.number, c2.title,
       (c3.state = 'Suspended')::int AS suspended
FROM (
    SELECT c.id, c.centre_code, c.external_reference, c.facts, c.filed_at, c.filed_by, c.handling_centre_code, c.kind, c.number, c.priority, c.referred_to_centre_code, c.search_text, c.state, c.summary, c.title, c.updated_at, c.version, c.workflow_id, c.workflow_version
    FROM cases AS c
    WHERE c.id = ('00000000-0000-4000-8000-' || lpad(:slot::text, 12, '0'))::uuid
    LIMIT 1
) AS c3
LEFT JOIN case_clocks AS c0 ON c3.id = c0.case_id
LEFT JOIN case_parties AS c1 ON c3.id = c1.case_id
LEFT JOIN case_rights AS c2 ON c3.id = c2.case_id
ORDER BY c3.id, c0.case_id, c0.name, c1.case_id, c1.ordinal, c2.case_id \aset
\set next :version + 1
\if :notice
SELECT p.code
FROM protection_centres AS p
WHERE p.code = ANY (ARRAY['HK']);
\startpipeline
INSERT INTO case_events (case_id, sequence, actor, data, occurred_at, reason, type)
VALUES (:id, :next, 'bench',
        jsonb_build_object('action', 'sendInformationNotice', 'from', :state::text, 'to', :state::text, 'recipient', 'HK', 'subject', 'Repeat infringer',
                           'message', '被请求人在香港亦销售同类侵权产品，请予关注。 The respondent also sells the infringing products in Hong Kong.'),
        now(), NULL, 'InformationNoticeSent');
UPDATE cases SET updated_at = now(), version = :next
WHERE id = :id AND version = :version;
INSERT INTO outbox_messages (id, case_id, dispatched_at, occurred_at, payload, recipient, sequence, type)
VALUES (gen_random_uuid(), :id, NULL, now(),
        jsonb_build_object('caseId', :id::text, 'number', :case_number::text, 'from', :handling_centre_code::text, 'action', 'sendInformationNotice',
                           'event', 'InformationNoticeSent',
                           'payload', jsonb_build_object('recipient', 'HK', 'subject', 'Repeat infringer',
                                                         'message', '被请求人在香港亦销售同类侵权产品，请予关注。 The respondent also sells the infringing products in Hong Kong.')),
        'HK', :next, 'InformationNoticeSent');
\endpipeline
\elif :suspended
\startpipeline
UPDATE case_clocks SET paused_at = NULL, paused_for = paused_for + (now() - paused_at), status = 'Running'
WHERE case_id = :id AND name = 'HandlingDecision';
INSERT INTO case_events (case_id, sequence, actor, data, occurred_at, reason, type)
VALUES (:id, :next, 'bench', '{"action": "resumeCase", "from": "Suspended", "to": "Investigation"}', now(),
        '国家知识产权局维持专利权有效。 CNIPA upheld the patent.', 'CaseResumed');
UPDATE cases SET state = 'Investigation', updated_at = now(), version = :next
WHERE id = :id AND version = :version;
INSERT INTO case_clock_operations (case_id, ordinal, sequence, clock, occurred_at, operation)
VALUES (:id, 1, :next, 'HandlingDecision', now(), 'Resume');
\endpipeline
\else
\startpipeline
UPDATE case_clocks SET paused_at = now(), status = 'Paused'
WHERE case_id = :id AND name = 'HandlingDecision';
INSERT INTO case_events (case_id, sequence, actor, data, occurred_at, reason, type)
VALUES (:id, :next, 'bench', '{"action": "suspendCase", "from": "Investigation", "to": "Suspended", "ground": "InvalidationRequestPending"}', now(),
        '被请求人已就涉案专利提出无效宣告请求。 The respondent has asked CNIPA to invalidate the patent.', 'CaseSuspended');
UPDATE cases SET state = 'Suspended', updated_at = now(), version = :next
WHERE id = :id AND version = :version;
INSERT INTO case_clock_operations (case_id, ordinal, sequence, clock, occurred_at, operation)
VALUES (:id, 1, :next, 'HandlingDecision', now(), 'Pause');
\endpipeline
\endif
END;
