-- Governance (issue 9, SPEC section 5): the jurisdiction tree and organisations.
-- The same SQL runs on H2 2.x and PostgreSQL 12+. Times are epoch milliseconds (UTC).

-- nation -> province -> city -> district. path is the materialised path of ids from the nation
-- down ('CN/36/3601/360102'): a grant or an approval on a jurisdiction covers every jurisdiction
-- whose path equals it or starts with it followed by '/'.
CREATE TABLE gov_jurisdictions (
  id             VARCHAR(32)  PRIMARY KEY,
  path           VARCHAR(200) NOT NULL UNIQUE,
  level          VARCHAR(16)  NOT NULL,
  parent_id      VARCHAR(32)  REFERENCES gov_jurisdictions (id),
  name           VARCHAR(200) NOT NULL,
  created_at_ms  BIGINT       NOT NULL,
  created_by     VARCHAR(200) NOT NULL
);
CREATE INDEX gov_jurisdictions_parent_idx ON gov_jurisdictions (parent_id);

-- The root every installation starts with, so that existing scenarios, runs and tokens can belong
-- to a jurisdiction (docs/governance.md). GB/T 2260 codes below it: 36 Jiangxi, 3601 Nanchang, ...
INSERT INTO gov_jurisdictions (id, path, level, parent_id, name, created_at_ms, created_by)
  VALUES ('CN', 'CN', 'nation', NULL, 'China', 0, 'system');

-- Providers, technical suppliers, deployers and regulators. roles is a comma-separated set of
-- provider, technical-supplier, deployer, regulator. contact and security_responsible name an
-- office or a function (a mailbox, a desk), never a person: no personal data is stored here.
CREATE TABLE gov_organisations (
  id                     VARCHAR(64)  PRIMARY KEY,
  name                   VARCHAR(200) NOT NULL,
  registration_code      VARCHAR(64)  NOT NULL UNIQUE,
  roles                  VARCHAR(100) NOT NULL,
  contact                VARCHAR(500) NOT NULL,
  security_responsible   VARCHAR(200) NOT NULL,
  home_jurisdiction_id   VARCHAR(32)  NOT NULL REFERENCES gov_jurisdictions (id),
  created_at_ms          BIGINT       NOT NULL,
  created_by             VARCHAR(200) NOT NULL
);
CREATE INDEX gov_organisations_home_idx ON gov_organisations (home_jurisdiction_id);
