-- 0006: what has been published or recorded stays as it is, even for direct SQL.
-- Published rule-set versions and submission revisions are never deleted (0001/0002 already refuse updates); the audit log
-- is append-only; a published run (published_at set) keeps its identity and results, and its unit results and award
-- entries are neither added, changed nor removed. Runs that are not published yet stay free: they are started, failed,
-- resumed and completed by the runner. A rule-set id belongs to the tenant that first published it.
CREATE TRIGGER tr_rule_set_versions_no_delete BEFORE DELETE ON rule_set_versions
BEGIN
    SELECT RAISE(ABORT, 'rule_set_versions rows are immutable: a published version is never deleted');
END;
CREATE TRIGGER tr_rule_set_versions_one_tenant BEFORE INSERT ON rule_set_versions
WHEN EXISTS (SELECT 1 FROM rule_set_versions WHERE rule_set_id = NEW.rule_set_id AND tenant <> NEW.tenant)
BEGIN
    SELECT RAISE(ABORT, 'rule_set_versions: this rule-set id was published by another tenant');
END;
CREATE TRIGGER tr_submission_revisions_no_delete BEFORE DELETE ON submission_revisions
BEGIN
    SELECT RAISE(ABORT, 'submission_revisions rows are append-only: a revision is never deleted');
END;
CREATE TRIGGER tr_audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log rows are append-only');
END;
CREATE TRIGGER tr_audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log rows are append-only');
END;
-- Every column but the optimistic-concurrency counter; un-publishing (published_at back to NULL) is a change too.
CREATE TRIGGER tr_scoring_runs_published_no_update BEFORE UPDATE ON scoring_runs
WHEN OLD.published_at IS NOT NULL AND (
       NEW.id IS NOT OLD.id OR NEW.tenant_code IS NOT OLD.tenant_code OR NEW.year IS NOT OLD.year OR NEW.scope IS NOT OLD.scope
    OR NEW.rule_set_version_id IS NOT OLD.rule_set_version_id OR NEW.rule_set_sha256 IS NOT OLD.rule_set_sha256
    OR NEW.inputs_sha256 IS NOT OLD.inputs_sha256 OR NEW.inputs_json IS NOT OLD.inputs_json OR NEW.status IS NOT OLD.status
    OR NEW.progress IS NOT OLD.progress OR NEW.total IS NOT OLD.total OR NEW.error IS NOT OLD.error
    OR NEW.result_json IS NOT OLD.result_json OR NEW.result_sha256 IS NOT OLD.result_sha256
    OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.started_at IS NOT OLD.started_at
    OR NEW.completed_at IS NOT OLD.completed_at OR NEW.published_at IS NOT OLD.published_at)
BEGIN
    SELECT RAISE(ABORT, 'scoring_runs: a published run never changes');
END;
CREATE TRIGGER tr_scoring_runs_published_no_delete BEFORE DELETE ON scoring_runs
WHEN OLD.published_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'scoring_runs: a published run is never deleted');
END;
CREATE TRIGGER tr_unit_results_published_no_insert BEFORE INSERT ON unit_results
WHEN EXISTS (SELECT 1 FROM scoring_runs WHERE id = NEW.run_id AND published_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'unit_results: the results of a published run never change');
END;
CREATE TRIGGER tr_unit_results_published_no_update BEFORE UPDATE ON unit_results
WHEN EXISTS (SELECT 1 FROM scoring_runs WHERE id IN (OLD.run_id, NEW.run_id) AND published_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'unit_results: the results of a published run never change');
END;
CREATE TRIGGER tr_unit_results_published_no_delete BEFORE DELETE ON unit_results
WHEN EXISTS (SELECT 1 FROM scoring_runs WHERE id = OLD.run_id AND published_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'unit_results: the results of a published run never change');
END;
CREATE TRIGGER tr_award_entries_published_no_insert BEFORE INSERT ON award_entries
WHEN EXISTS (SELECT 1 FROM scoring_runs WHERE id = NEW.run_id AND published_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'award_entries: the award lists of a published run never change');
END;
CREATE TRIGGER tr_award_entries_published_no_update BEFORE UPDATE ON award_entries
WHEN EXISTS (SELECT 1 FROM scoring_runs WHERE id IN (OLD.run_id, NEW.run_id) AND published_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'award_entries: the award lists of a published run never change');
END;
CREATE TRIGGER tr_award_entries_published_no_delete BEFORE DELETE ON award_entries
WHEN EXISTS (SELECT 1 FROM scoring_runs WHERE id = OLD.run_id AND published_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'award_entries: the award lists of a published run never change');
END;
