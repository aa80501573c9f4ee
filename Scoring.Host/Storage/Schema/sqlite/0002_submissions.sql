-- 0002: submissions with append-only revisions, evidence, idempotency keys, authoritative imports.
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_code TEXT NOT NULL REFERENCES tenants(code),
    unit_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    status TEXT NOT NULL,
    current_revision INTEGER NOT NULL,
    submitted_at INTEGER NULL,
    late INTEGER NOT NULL,
    comments TEXT NULL,
    updated_at INTEGER NOT NULL,
    concurrency INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_submissions_tenant_unit_year ON submissions(tenant_code, unit_code, year);
CREATE TABLE submission_revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    number INTEGER NOT NULL,
    values_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_submission_revisions_number ON submission_revisions(submission_id, number);
CREATE TRIGGER tr_submission_revisions_append_only BEFORE UPDATE ON submission_revisions
BEGIN
    SELECT RAISE(ABORT, 'submission_revisions rows are append-only');
END;
CREATE TABLE evidence_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at INTEGER NOT NULL,
    uploaded_by TEXT NOT NULL
);
CREATE INDEX ix_evidence_files_submission ON evidence_files(submission_id);
CREATE TABLE idempotency_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    principal TEXT NOT NULL,
    "key" TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response_json TEXT NOT NULL,
    etag TEXT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_idempotency_records_principal_key ON idempotency_records(principal, "key");
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_code TEXT NOT NULL REFERENCES tenants(code),
    year INTEGER NOT NULL,
    source TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    imported_at INTEGER NOT NULL,
    imported_by TEXT NOT NULL
);
CREATE TABLE authoritative_values (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id INTEGER NOT NULL REFERENCES import_batches(id),
    tenant_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    unit_code TEXT NOT NULL,
    indicator TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX ix_authoritative_values_lookup ON authoritative_values(tenant_code, year, unit_code, indicator);
