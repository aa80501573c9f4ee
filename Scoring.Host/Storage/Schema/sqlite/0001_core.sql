-- 0001: tenants, movements, units, groups, published rule sets, audit log.
CREATE TABLE tenants (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE movements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_code TEXT NOT NULL REFERENCES tenants(code),
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    plan TEXT NULL,
    report_deadline TEXT NOT NULL,
    time_zone TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_movements_tenant_code ON movements(tenant_code, code);
CREATE TABLE units (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_code TEXT NOT NULL REFERENCES tenants(code),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    valid_from TEXT NULL,
    valid_to TEXT NULL,
    successor_code TEXT NULL
);
CREATE UNIQUE INDEX ux_units_tenant_code ON units(tenant_code, code);
CREATE TABLE "groups" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_code TEXT NOT NULL REFERENCES tenants(code),
    year INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_groups_tenant_year_code ON "groups"(tenant_code, year, code);
CREATE TABLE group_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES "groups"(id) ON DELETE CASCADE,
    unit_code TEXT NOT NULL,
    role TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_group_members_group_unit ON group_members(group_id, unit_code);
CREATE TABLE rule_set_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_set_id TEXT NOT NULL,
    version TEXT NOT NULL,
    tenant TEXT NOT NULL,
    title TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    json TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    published_by TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_rule_set_versions_id_version ON rule_set_versions(rule_set_id, version);
-- Published versions never change: the database refuses updates too.
CREATE TRIGGER tr_rule_set_versions_immutable BEFORE UPDATE ON rule_set_versions
BEGIN
    SELECT RAISE(ABORT, 'rule_set_versions rows are immutable');
END;
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    before_sha256 TEXT NULL,
    after_sha256 TEXT NULL
);
CREATE INDEX ix_audit_log_at ON audit_log(at);
