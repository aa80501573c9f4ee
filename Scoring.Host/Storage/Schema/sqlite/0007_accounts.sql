-- 0007: accounts for signing in to the web workspaces (ASP.NET Core Identity's user store, snake_case like the rest),
-- each with exactly one of the API's roles and its scope; the data-protection keys that sign their cookies and antiforgery
-- tokens (shared by every host of one database); evidence may name the indicator it proves.
CREATE TABLE accounts (
    id TEXT NOT NULL PRIMARY KEY,
    user_name TEXT NULL,
    normalized_user_name TEXT NULL,
    email TEXT NULL,
    normalized_email TEXT NULL,
    email_confirmed INTEGER NOT NULL,
    password_hash TEXT NULL,
    security_stamp TEXT NULL,
    concurrency_stamp TEXT NULL,
    phone_number TEXT NULL,
    phone_number_confirmed INTEGER NOT NULL,
    two_factor_enabled INTEGER NOT NULL,
    lockout_end TEXT NULL,
    lockout_enabled INTEGER NOT NULL,
    access_failed_count INTEGER NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    tenant_code TEXT NULL,
    unit_code TEXT NULL,
    groups TEXT NULL,
    must_change_password INTEGER NOT NULL,
    disabled INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_accounts_normalized_user_name ON accounts(normalized_user_name);
CREATE INDEX ix_accounts_normalized_email ON accounts(normalized_email);
CREATE TABLE account_claims (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    claim_type TEXT NULL,
    claim_value TEXT NULL
);
CREATE INDEX ix_account_claims_user ON account_claims(user_id);
CREATE TABLE account_logins (
    login_provider TEXT NOT NULL,
    provider_key TEXT NOT NULL,
    provider_display_name TEXT NULL,
    user_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    PRIMARY KEY (login_provider, provider_key)
);
CREATE TABLE account_tokens (
    user_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    login_provider TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NULL,
    PRIMARY KEY (user_id, login_provider, name)
);
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT NULL,
    xml TEXT NULL
);
ALTER TABLE evidence_files ADD COLUMN indicator TEXT NULL;
