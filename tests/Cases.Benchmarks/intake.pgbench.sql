-- pgbench script for ./cases bench intake: the transaction that POST /api/cases performs for one
-- filing, straight to PostgreSQL: the per-centre, per-year counter upsert (filings spread at random
-- over the 11 centres), the case, 2 parties, 1 right and the CaseFiled timeline entry.
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
INSERT INTO cases (id, number, centre_code, kind, state, title, summary, priority, external_reference, filed_at, filed_by, updated_at, version)
VALUES (:id, :number, :centre, (ARRAY['FastTrackPreExamination','RightsDefence','Mediation','Arbitration'])[:k], 'Filed',
        '一种液晶显示面板的驱动方法：侵权纠纷投诉', '权利人称被申请人未经许可制造、销售落入其专利权保护范围的产品，请求保护中心依法处理。 The complainant alleges unlicensed manufacture and sale of products within the scope of the right.',
        :p = 1, NULL, now(), 'bench', now(), 1);
INSERT INTO case_parties (case_id, ordinal, role, kind, name, identifier, email, phone, address)
VALUES (:id, 1, 'Complainant', 'Organisation', '深圳市华星光电技术有限公司', NULL, 'legal@example.com', '+86 20 1234 5678', '广东省广州市天河区珠江新城华夏路 10 号');
INSERT INTO case_parties (case_id, ordinal, role, kind, name, identifier, email, phone, address)
VALUES (:id, 2, 'Respondent', 'Organisation', '东莞市某电子制品厂', NULL, NULL, NULL, NULL);
INSERT INTO case_rights (case_id, ordinal, kind, number, title)
VALUES (:id, 1, 'InventionPatent', '201710601862.3', '一种液晶显示面板的驱动方法');
INSERT INTO case_events (case_id, sequence, type, occurred_at, actor, reason, data)
VALUES (:id, 1, 'CaseFiled', now(), 'bench', NULL, jsonb_build_object('number', :number::text, 'centre', :centre::text, 'kind', 'RightsDefence', 'title', '一种液晶显示面板的驱动方法：侵权纠纷投诉'));
END;
