-- 0008: the last year scored by the yearly job of each movement. Hangfire's recurring jobs do not replay every deadline
-- missed while no host ran; the job and the start-up catch-up score every year after this one whose deadline has passed,
-- then move it forward, so a missed year is scored once, however many hosts or firings race for it.
CREATE TABLE yearly_scorings (
    tenant_code TEXT NOT NULL REFERENCES tenants(code),
    movement_code TEXT NOT NULL,
    last_scored_year INTEGER NOT NULL,
    PRIMARY KEY (tenant_code, movement_code)
);
