-- 0010: each verification of a run (POST /api/runs/{id}/verify): its stored inputs scored again with its pinned rule-set
-- version and the result's bytes compared with the stored result hash. Kept beside the run, not in it: a published run's
-- row never changes (0006), and every verification is a fact of its own. Append-only, like the audit log.
CREATE TABLE run_verifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES scoring_runs(id) ON DELETE CASCADE,
    verified_at INTEGER NOT NULL,
    verified_by TEXT NOT NULL,
    identical INTEGER NOT NULL,
    stored_format TEXT NOT NULL,
    replayed_sha256 TEXT NOT NULL,
    outcomes_identical INTEGER NULL,
    difference TEXT NULL
);
CREATE INDEX ix_run_verifications_run ON run_verifications(run_id, verified_at);
CREATE TRIGGER tr_run_verifications_no_update BEFORE UPDATE ON run_verifications
BEGIN
    SELECT RAISE(ABORT, 'run_verifications rows are append-only');
END;
