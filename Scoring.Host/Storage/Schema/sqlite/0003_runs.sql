-- 0003: scoring runs (unique per tenant/year/scope/rule-set hash/inputs hash), results, award lists, outbox.
CREATE TABLE scoring_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_code TEXT NOT NULL REFERENCES tenants(code),
    year INTEGER NOT NULL,
    scope TEXT NOT NULL,
    rule_set_version_id INTEGER NOT NULL REFERENCES rule_set_versions(id),
    rule_set_sha256 TEXT NOT NULL,
    inputs_sha256 TEXT NOT NULL,
    inputs_json TEXT NOT NULL,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL,
    total INTEGER NOT NULL,
    error TEXT NULL,
    result_json TEXT NULL,
    result_sha256 TEXT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    started_at INTEGER NULL,
    completed_at INTEGER NULL,
    published_at INTEGER NULL,
    concurrency INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_scoring_runs_identity ON scoring_runs(tenant_code, year, scope, rule_set_sha256, inputs_sha256);
CREATE TABLE unit_results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES scoring_runs(id) ON DELETE CASCADE,
    group_code TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    rank INTEGER NOT NULL,
    total TEXT NOT NULL,
    grade TEXT NOT NULL,
    award TEXT NULL,
    card_json TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_unit_results_run_unit ON unit_results(run_id, unit_code);
CREATE INDEX ix_unit_results_run_group_rank ON unit_results(run_id, group_code, rank);
CREATE TABLE award_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES scoring_runs(id) ON DELETE CASCADE,
    award TEXT NOT NULL,
    award_title TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    group_code TEXT NOT NULL,
    rank INTEGER NOT NULL,
    total TEXT NOT NULL,
    tie_at_cut INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX ix_award_entries_run ON award_entries(run_id);
CREATE TABLE outbox_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    tenant_code TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    dedup_key TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_outbox_messages_dedup ON outbox_messages(dedup_key);
