-- 0004: decided outcomes of earlier years per unit (history.csv, imported), used by award prerequisites.
CREATE TABLE unit_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_code TEXT NOT NULL REFERENCES tenants(code),
    unit_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    grade TEXT NULL,
    award TEXT NULL,
    source TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX ix_unit_history_tenant_year ON unit_history(tenant_code, year);
