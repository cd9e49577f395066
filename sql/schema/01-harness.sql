-- 01-harness.sql — the harness's own records, in a schema of its own (never `public`, so
-- GOMFLOW's counts and the checks stay about GOMFLOW). Applied on every target, Supabase
-- included, before anything is recorded. Idempotent.

CREATE SCHEMA IF NOT EXISTS gomflow_loadtest;

-- What the bundled schema changed from production's file, so `check` can report it.
CREATE TABLE IF NOT EXISTS gomflow_loadtest.schema_adaptations (
  object      text PRIMARY KEY,
  kind        text NOT NULL,
  reason      text NOT NULL,
  original    text,
  adapted     text,
  recorded_at timestamptz DEFAULT now()
);

-- One row per seed run: its rows carry `id` (the run tag, 8 hex digits) in their ids.
CREATE TABLE IF NOT EXISTS gomflow_loadtest.seed_runs (
  id             text PRIMARY KEY,
  seed           bigint NOT NULL,
  scale          text NOT NULL,
  reference_date timestamptz NOT NULL,
  counts         jsonb NOT NULL DEFAULT '{}',
  status         text NOT NULL CHECK (status IN ('running', 'complete', 'failed', 'cleaned')),
  error          text,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);

-- A run is a seed, or a load scenario whose written rows were kept (load --keep): then it has
-- the scenario's name and no scale. Runs recorded before these columns existed are upgraded:
-- a scenario's run then had scale 'load:<scenario>'.
ALTER TABLE gomflow_loadtest.seed_runs ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'seed' CHECK (kind IN ('seed', 'scenario'));
ALTER TABLE gomflow_loadtest.seed_runs ADD COLUMN IF NOT EXISTS scenario text;
ALTER TABLE gomflow_loadtest.seed_runs ALTER COLUMN scale DROP NOT NULL;
UPDATE gomflow_loadtest.seed_runs SET kind = 'scenario', scenario = substr(scale, 6), scale = NULL WHERE kind = 'seed' AND scale LIKE 'load:%';
