-- 0013: the steps between a run and its publication (issue 14): the appraisal of each award proposal by the Department of
-- Home Affairs (Sở Nội vụ), the emulation council's decision on it, and the revocation of a published award. Each is a
-- fact of its own, appended and never changed or deleted: the latest appraisal and the latest decision of a proposal count
-- until the run is published. A movement declares whether its runs need the council's decisions before publication.
ALTER TABLE movements ADD COLUMN council_step INTEGER NOT NULL DEFAULT 0;
CREATE TABLE award_appraisals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES scoring_runs(id),
    award_entry_id INTEGER NOT NULL REFERENCES award_entries(id),
    confirmed INTEGER NOT NULL,
    award TEXT NULL,
    award_title TEXT NULL,
    reason TEXT NOT NULL,
    appraised_by TEXT NOT NULL,
    appraised_at INTEGER NOT NULL
);
CREATE INDEX ix_award_appraisals_entry ON award_appraisals(award_entry_id, id);
CREATE TABLE council_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES scoring_runs(id),
    award_entry_id INTEGER NOT NULL REFERENCES award_entries(id),
    approved INTEGER NOT NULL,
    votes_for INTEGER NULL,
    votes_against INTEGER NULL,
    decision_number TEXT NOT NULL,
    decision_date TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX ix_council_decisions_entry ON council_decisions(award_entry_id, id);
CREATE TABLE award_revocations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES scoring_runs(id),
    award_entry_id INTEGER NOT NULL REFERENCES award_entries(id),
    reason TEXT NOT NULL,
    decision_number TEXT NOT NULL,
    decision_date TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_award_revocations_entry ON award_revocations(award_entry_id);
CREATE TRIGGER tr_award_appraisals_no_update BEFORE UPDATE ON award_appraisals
BEGIN
    SELECT RAISE(ABORT, 'award_appraisals rows are append-only');
END;
CREATE TRIGGER tr_award_appraisals_no_delete BEFORE DELETE ON award_appraisals
BEGIN
    SELECT RAISE(ABORT, 'award_appraisals rows are append-only');
END;
CREATE TRIGGER tr_council_decisions_no_update BEFORE UPDATE ON council_decisions
BEGIN
    SELECT RAISE(ABORT, 'council_decisions rows are append-only');
END;
CREATE TRIGGER tr_council_decisions_no_delete BEFORE DELETE ON council_decisions
BEGIN
    SELECT RAISE(ABORT, 'council_decisions rows are append-only');
END;
CREATE TRIGGER tr_award_revocations_no_update BEFORE UPDATE ON award_revocations
BEGIN
    SELECT RAISE(ABORT, 'award_revocations rows are append-only: a revocation is never changed');
END;
CREATE TRIGGER tr_award_revocations_no_delete BEFORE DELETE ON award_revocations
BEGIN
    SELECT RAISE(ABORT, 'award_revocations rows are append-only: a revocation is never deleted');
END;
