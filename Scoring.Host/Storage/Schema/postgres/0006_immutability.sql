-- 0006: what has been published or recorded stays as it is, even for direct SQL.
-- Published rule-set versions and submission revisions are never deleted (0001/0002 already refuse updates); the audit log
-- is append-only; a published run (published_at set) keeps its identity and results, and its unit results and award
-- entries are neither added, changed nor removed. Runs that are not published yet stay free: they are started, failed,
-- resumed and completed by the runner. A rule-set id belongs to the tenant that first published it. TRUNCATE, which skips
-- row triggers, is refused on the same tables.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: these rows are immutable', TG_OP, TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER tr_rule_set_versions_no_delete BEFORE DELETE ON rule_set_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tr_rule_set_versions_no_truncate BEFORE TRUNCATE ON rule_set_versions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tr_submission_revisions_no_delete BEFORE DELETE ON submission_revisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tr_submission_revisions_no_truncate BEFORE TRUNCATE ON submission_revisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tr_audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tr_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE FUNCTION refuse_foreign_rule_set_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM rule_set_versions WHERE rule_set_id = NEW.rule_set_id AND tenant <> NEW.tenant) THEN
        RAISE EXCEPTION 'rule_set_versions: rule-set id % was published by another tenant', NEW.rule_set_id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER tr_rule_set_versions_one_tenant BEFORE INSERT ON rule_set_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_foreign_rule_set_id();

-- Every column but the optimistic-concurrency counter; un-publishing (published_at back to NULL) is a change too.
CREATE FUNCTION refuse_published_run_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published_at IS NOT NULL THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'scoring_runs: published run % is never deleted', OLD.id;
        END IF;
        IF (NEW.id, NEW.tenant_code, NEW.year, NEW.scope, NEW.rule_set_version_id, NEW.rule_set_sha256, NEW.inputs_sha256, NEW.inputs_json,
            NEW.status, NEW.progress, NEW.total, NEW.error, NEW.result_json, NEW.result_sha256, NEW.created_at, NEW.created_by,
            NEW.started_at, NEW.completed_at, NEW.published_at)
           IS DISTINCT FROM
           (OLD.id, OLD.tenant_code, OLD.year, OLD.scope, OLD.rule_set_version_id, OLD.rule_set_sha256, OLD.inputs_sha256, OLD.inputs_json,
            OLD.status, OLD.progress, OLD.total, OLD.error, OLD.result_json, OLD.result_sha256, OLD.created_at, OLD.created_by,
            OLD.started_at, OLD.completed_at, OLD.published_at) THEN
            RAISE EXCEPTION 'scoring_runs: published run % never changes', OLD.id;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER tr_scoring_runs_published BEFORE UPDATE OR DELETE ON scoring_runs
    FOR EACH ROW EXECUTE FUNCTION refuse_published_run_change();

CREATE FUNCTION refuse_published_result_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF EXISTS (SELECT 1 FROM scoring_runs WHERE id = OLD.run_id AND published_at IS NOT NULL) THEN
            RAISE EXCEPTION '%: the results of published run % never change', TG_TABLE_NAME, OLD.run_id;
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF EXISTS (SELECT 1 FROM scoring_runs WHERE id = NEW.run_id AND published_at IS NOT NULL) THEN
            RAISE EXCEPTION '%: the results of published run % never change', TG_TABLE_NAME, NEW.run_id;
        END IF;
        RETURN NEW;
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER tr_unit_results_published BEFORE INSERT OR UPDATE OR DELETE ON unit_results
    FOR EACH ROW EXECUTE FUNCTION refuse_published_result_change();
CREATE TRIGGER tr_award_entries_published BEFORE INSERT OR UPDATE OR DELETE ON award_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_published_result_change();

CREATE FUNCTION refuse_truncate_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM scoring_runs WHERE published_at IS NOT NULL) THEN
        RAISE EXCEPTION 'TRUNCATE on % refused: there are published runs', TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER tr_scoring_runs_no_truncate BEFORE TRUNCATE ON scoring_runs
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_published();
CREATE TRIGGER tr_unit_results_no_truncate BEFORE TRUNCATE ON unit_results
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_published();
CREATE TRIGGER tr_award_entries_no_truncate BEFORE TRUNCATE ON award_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_published();
