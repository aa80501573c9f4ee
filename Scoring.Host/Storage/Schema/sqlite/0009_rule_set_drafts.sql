-- 0009: draft rule-set versions, the rule maintainers' working copies (the workbench, imports from Excel and RulesEngine).
-- A draft is mutable and may be invalid; publishing stores it as an immutable rule_set_versions row and deletes the draft.
-- One draft per rule-set id and version; `revision` grows with every save so two editors cannot overwrite each other.
CREATE TABLE rule_set_drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_set_id TEXT NOT NULL,
    version TEXT NOT NULL,
    tenant TEXT NOT NULL,
    title TEXT NOT NULL,
    based_on_version TEXT NULL,
    origin TEXT NOT NULL,
    json TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_rule_set_drafts_id_version ON rule_set_drafts(rule_set_id, version);
CREATE INDEX ix_rule_set_drafts_tenant ON rule_set_drafts(tenant);
