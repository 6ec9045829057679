-- Seeds the pgbench database of ./cases bench actions (psql -v clients=N, N the largest pgbench client count):
-- 4 rights-defence cases per client, each as the API's setup leaves its own cases: filed, accepted, served and
-- defence received, so in Investigation at version 4, with 2 parties, 1 right, 4 clocks (HandlingDecision running),
-- the 4 timeline entries and their 7 clock operations. Case n (from 0) is at centre n mod 11 and has the id
-- 00000000-0000-4000-8000-<n in 12 digits>, which actions.pgbench.sql computes from its client id.
-- Needs the 11 centres in protection_centres.
BEGIN;

CREATE TEMPORARY TABLE seeded ON COMMIT DROP AS
SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid AS id,
       centre,
       centre || '-2026-' || lpad((n / 11 + 1)::text, 6, '0') AS number,
       now() - interval '1 hour' AS filed_at,
       now() - interval '50 minutes' AS accepted_at,
       now() - interval '40 minutes' AS served_at,
       now() - interval '30 minutes' AS defended_at
FROM generate_series(0, :clients * 4 - 1) AS n,
     LATERAL (SELECT (ARRAY['FJ','JX','HN','GD','GX','HI','SC','GZ','YN','HK','MO'])[n % 11 + 1] AS centre) AS region;

INSERT INTO cases (id, number, centre_code, kind, state, title, summary, priority, external_reference, filed_at, filed_by,
                   updated_at, version, search_text, workflow_id, workflow_version, handling_centre_code, referred_to_centre_code, facts)
SELECT id, number, centre, 'RightsDefence', 'Investigation', '一种液晶显示面板的驱动方法：侵权纠纷投诉',
       '权利人称被申请人未经许可制造、销售落入其专利权保护范围的产品，请求保护中心依法处理。 The complainant alleges unlicensed manufacture and sale of products within the scope of the right.',
       false, NULL, filed_at, 'bench', defended_at, 4,
       lower(number) || ' 一种液晶显示面板的驱动方法：侵权纠纷投诉 深圳市华星光电技术有限公司 东莞市某电子制品厂 201710601862.3',
       'rights-defence', 1, centre, NULL, jsonb_build_object('servedOn', '2026-03-03', 'infringementRegion', centre)
FROM seeded;

INSERT INTO case_parties (case_id, ordinal, role, kind, name, identifier, email, phone, address)
SELECT id, 1, 'Complainant', 'Organisation', '深圳市华星光电技术有限公司', NULL, 'legal@example.com', '+86 20 1234 5678', '广东省广州市天河区珠江新城华夏路 10 号'
FROM seeded
UNION ALL
SELECT id, 2, 'Respondent', 'Organisation', '东莞市某电子制品厂', NULL, NULL, NULL, NULL
FROM seeded;

INSERT INTO case_rights (case_id, ordinal, kind, number, title)
SELECT id, 1, 'InventionPatent', '201710601862.3', '一种液晶显示面板的驱动方法'
FROM seeded;

INSERT INTO case_events (case_id, sequence, type, occurred_at, actor, reason, data)
SELECT id, 1, 'CaseFiled', filed_at, 'bench', NULL,
       jsonb_build_object('to', 'Filed', 'kind', 'RightsDefence', 'number', number, 'priority', 'false', 'workflow', 'rights-defence v1')
FROM seeded
UNION ALL
SELECT id, 2, 'CaseAccepted', accepted_at, 'bench', NULL,
       jsonb_build_object('to', 'AwaitingService', 'from', 'Filed', 'action', 'acceptCase', 'infringementRegion', centre)
FROM seeded
UNION ALL
SELECT id, 3, 'RespondentServed', served_at, 'bench', NULL,
       jsonb_build_object('to', 'AwaitingDefence', 'from', 'AwaitingService', 'action', 'serveRespondent', 'servedOn', '2026-03-03')
FROM seeded
UNION ALL
SELECT id, 4, 'DefenceReceived', defended_at, 'bench', NULL,
       jsonb_build_object('to', 'Investigation', 'from', 'AwaitingDefence', 'action', 'recordDefence')
FROM seeded;

INSERT INTO case_clocks (case_id, name, status, started_at, paused_at, paused_for, stopped_at, extended)
SELECT id, 'AcceptanceDecision', 'Stopped', filed_at, NULL::timestamptz, interval '0', accepted_at, false FROM seeded
UNION ALL
SELECT id, 'RespondentService', 'Stopped', accepted_at, NULL, interval '0', served_at, false FROM seeded
UNION ALL
SELECT id, 'DefencePeriod', 'Stopped', served_at, NULL, interval '0', defended_at, false FROM seeded
UNION ALL
SELECT id, 'HandlingDecision', 'Running', accepted_at, NULL, interval '0', NULL, false FROM seeded;

INSERT INTO case_clock_operations (case_id, sequence, ordinal, clock, operation, occurred_at)
SELECT id, 1, 1, 'AcceptanceDecision', 'Start', filed_at FROM seeded
UNION ALL
SELECT id, 2, 1, 'AcceptanceDecision', 'Stop', accepted_at FROM seeded
UNION ALL
SELECT id, 2, 2, 'RespondentService', 'Start', accepted_at FROM seeded
UNION ALL
SELECT id, 2, 3, 'HandlingDecision', 'Start', accepted_at FROM seeded
UNION ALL
SELECT id, 3, 1, 'RespondentService', 'Stop', served_at FROM seeded
UNION ALL
SELECT id, 3, 2, 'DefencePeriod', 'Start', served_at FROM seeded
UNION ALL
SELECT id, 4, 1, 'DefencePeriod', 'Stop', defended_at FROM seeded;

COMMIT;

ANALYZE;
