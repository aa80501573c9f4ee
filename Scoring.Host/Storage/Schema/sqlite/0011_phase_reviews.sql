-- 0011: phase reviews (sơ kết, tổng kết) run by the service. A review's frozen inputs pin the published yearly runs it
-- counts (run id, rule-set id/version/SHA-256, inputs and result SHA-256) and the units it knows; their canonical JSON's
-- SHA-256 is part of its identity, so the same review is stored once across hosts. Published like a run: once
-- published_at is set, the row never changes and is never deleted.
CREATE TABLE phase_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_code TEXT NOT NULL REFERENCES tenants(code),
    phase TEXT NOT NULL,
    from_year INTEGER NOT NULL,
    to_year INTEGER NOT NULL,
    inputs_sha256 TEXT NOT NULL,
    inputs_json TEXT NOT NULL,
    status TEXT NOT NULL,
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
CREATE UNIQUE INDEX ux_phase_reviews_identity ON phase_reviews(tenant_code, phase, inputs_sha256);
CREATE TRIGGER tr_phase_reviews_published_no_update BEFORE UPDATE ON phase_reviews
WHEN OLD.published_at IS NOT NULL AND (
       NEW.id IS NOT OLD.id OR NEW.tenant_code IS NOT OLD.tenant_code OR NEW.phase IS NOT OLD.phase
    OR NEW.from_year IS NOT OLD.from_year OR NEW.to_year IS NOT OLD.to_year
    OR NEW.inputs_sha256 IS NOT OLD.inputs_sha256 OR NEW.inputs_json IS NOT OLD.inputs_json OR NEW.status IS NOT OLD.status
    OR NEW.error IS NOT OLD.error OR NEW.result_json IS NOT OLD.result_json OR NEW.result_sha256 IS NOT OLD.result_sha256
    OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.started_at IS NOT OLD.started_at
    OR NEW.completed_at IS NOT OLD.completed_at OR NEW.published_at IS NOT OLD.published_at)
BEGIN
    SELECT RAISE(ABORT, 'phase_reviews: a published review never changes');
END;
CREATE TRIGGER tr_phase_reviews_published_no_delete BEFORE DELETE ON phase_reviews
WHEN OLD.published_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'phase_reviews: a published review is never deleted');
END;
