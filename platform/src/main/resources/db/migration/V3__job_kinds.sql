-- Jobs of every kind in one table (one queue, one worker pool, one recovery, one audit trail).
-- Existing rows are traffic runs; their algorithm digest is unknown (it was not recorded), so NULL.
--   kind              'traffic-run' or 'grid-dispatch'
--   algorithm_digest  the artifact digest (SHA-256 hex) of the algorithm and parameter values that ran
--   result_json       a grid dispatch's result document (traffic runs keep summary_json and their tables)
-- For a grid dispatch, scenario_id/scenario_name hold the MATPOWER case and controller/controller_version
-- the dispatcher; seed 0, steps 1, interval 1, no replay, no pace.
ALTER TABLE runs ADD COLUMN kind VARCHAR(32) DEFAULT 'traffic-run' NOT NULL;
ALTER TABLE runs ADD COLUMN algorithm_digest VARCHAR(64);
ALTER TABLE runs ADD COLUMN result_json TEXT;
CREATE INDEX runs_kind_idx ON runs (kind);
