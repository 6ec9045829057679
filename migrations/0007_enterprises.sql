-- 0007: key enterprises (重点企业) on the direct channel (直通车). A centre registers an enterprise
-- that meets its criteria; the enterprise's users file cases that belong to it, and it sees those
-- cases only. Withdrawing the enterprise from the channel stops its users and tokens at once, so
-- an enterprise row is never deleted: its cases keep pointing at it.

CREATE TABLE enterprises (
    id                              uuid PRIMARY KEY,
    name                            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character.
    unified_social_credit_code      char(18) NOT NULL UNIQUE,
    -- The centre that registered the enterprise and handles its direct-channel cases.
    centre_code                     text NOT NULL REFERENCES protection_centres (code),
    high_tech_enterprise            boolean NOT NULL,
    high_tech_certificate_number    text NULL,
    patents_and_trademarks          integer NOT NULL CHECK (patents_and_trademarks >= 0),
    status                          text NOT NULL CHECK (status IN ('Active','Withdrawn')),
    registered_at                   timestamptz NOT NULL,
    registered_by                   text NOT NULL,
    withdrawn_at                    timestamptz NULL,
    withdrawn_by                    text NULL,
    withdrawal_reason               text NULL,
    version                         integer NOT NULL CHECK (version >= 1),
    CHECK ((status = 'Withdrawn') = (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL AND withdrawal_reason IS NOT NULL)),
    CHECK (high_tech_enterprise OR high_tech_certificate_number IS NULL)
);
CREATE INDEX enterprises_centre ON enterprises (centre_code, name);

-- 0006 left these without a foreign key until the table existed.
ALTER TABLE users
    ADD CONSTRAINT users_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id);
ALTER TABLE access_tokens
    ADD CONSTRAINT access_tokens_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id);

-- The enterprise a case belongs to, for cases filed through the direct channel; set at filing.
ALTER TABLE cases
    ADD COLUMN enterprise_id uuid NULL REFERENCES enterprises (id);
CREATE INDEX cases_enterprise ON cases (enterprise_id, filed_at, id) WHERE enterprise_id IS NOT NULL;
