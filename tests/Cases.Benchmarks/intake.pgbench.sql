-- pgbench script for ./cases bench intake: the transaction that POST /api/cases performs for one
-- filing, straight to PostgreSQL: the per-centre, per-year counter upsert (filings spread at random
-- over the 11 centres), the case (pinned to its kind's workflow), 2 parties, 1 right and the CaseFiled timeline entry;
-- for a rights-defence filing also the AcceptanceDecision clock its initial state starts, and that clock operation.
-- Run with -n -M prepared; needs the 11 centres in protection_centres. The upsert also returns the
-- case number and a fresh case id (\gset), so no extra round trip is spent on them.
\set c random(1, 11)
\set k random(1, 4)
\set p random(1, 10)
BEGIN;
INSERT INTO case_number_counters (centre_code, year, last_value)
VALUES ((ARRAY['FJ','JX','HN','GD','GX','HI','SC','GZ','YN','HK','MO'])[:c], extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int, 1)
ON CONFLICT (centre_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
RETURNING centre_code AS centre, centre_code || '-' || lpad(year::text, 4, '0') || '-' || lpad(last_value::text, 6, '0') AS number, gen_random_uuid() AS id \gset
INSERT INTO cases (id, number, centre_code, kind, state, title, summary, priority, external_reference, filed_at, filed_by, updated_at, version,
                   search_text, workflow_id, workflow_version, handling_centre_code, facts)
VALUES (:id, :number, :centre, (ARRAY['FastTrackPreExamination','RightsDefence','Mediation','Arbitration'])[:k], 'Filed',
        '一种液晶显示面板的驱动方法：侵权纠纷投诉', '权利人称被申请人未经许可制造、销售落入其专利权保护范围的产品，请求保护中心依法处理。 The complainant alleges unlicensed manufacture and sale of products within the scope of the right.',
        :p = 1, NULL, now(), 'bench', now(), 1,
        lower(:number::text) || ' 一种液晶显示面板的驱动方法：侵权纠纷投诉 深圳市华星光电技术有限公司 东莞市某电子制品厂 201710601862.3',
        (ARRAY['fast-track-pre-examination','rights-defence','mediation-arbitration','mediation-arbitration'])[:k], 1, :centre, '{}');
\if :k = 2
INSERT INTO case_clocks (case_id, name, extended, paused_at, paused_for, started_at, status, stopped_at)
VALUES (:id, 'AcceptanceDecision', false, NULL, interval '0', now(), 'Running', NULL);
\endif
INSERT INTO case_parties (case_id, ordinal, role, kind, name, identifier, email, phone, address)
VALUES (:id, 1, 'Complainant', 'Organisation', '深圳市华星光电技术有限公司', NULL, 'legal@example.com', '+86 20 1234 5678', '广东省广州市天河区珠江新城华夏路 10 号');
INSERT INTO case_parties (case_id, ordinal, role, kind, name, identifier, email, phone, address)
VALUES (:id, 2, 'Respondent', 'Organisation', '东莞市某电子制品厂', NULL, NULL, NULL, NULL);
INSERT INTO case_rights (case_id, ordinal, kind, number, title)
VALUES (:id, 1, 'InventionPatent', '201710601862.3', '一种液晶显示面板的驱动方法');
INSERT INTO case_events (case_id, sequence, type, occurred_at, actor, reason, data)
VALUES (:id, 1, 'CaseFiled', now(), 'bench', NULL, jsonb_build_object('to', 'Filed', 'kind', (ARRAY['FastTrackPreExamination','RightsDefence','Mediation','Arbitration'])[:k],
        'number', :number::text, 'priority', (:p = 1)::text, 'workflow', (ARRAY['fast-track-pre-examination','rights-defence','mediation-arbitration','mediation-arbitration'])[:k] || ' v1'));
\if :k = 2
INSERT INTO case_clock_operations (case_id, ordinal, sequence, clock, occurred_at, operation)
VALUES (:id, 1, 1, 'AcceptanceDecision', now(), 'Start');
\endif
END;
