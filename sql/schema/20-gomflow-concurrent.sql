-- 20-gomflow-concurrent.sql — the 6 indexes GOMFLOW's production file builds with
-- CREATE INDEX CONCURRENTLY IF NOT EXISTS (its last index block), unchanged.
--
-- CREATE INDEX CONCURRENTLY cannot run inside a transaction block, so these cannot
-- be part of 10-gomflow.sql (production's file fails as one transaction because of
-- them). Run this file after 10-gomflow.sql, outside any transaction, one statement
-- at a time. Beware production's trap: a failed concurrent build leaves an INVALID
-- index behind, and IF NOT EXISTS then silently skips it on the next run, so check
-- pg_index.indisvalid after applying.

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_profiles_email_lower ON profiles (lower(email));

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_user_active ON orders (user_id, is_active);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_active_deadline ON orders (deadline) WHERE is_active = true;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_submissions_order_status ON submissions (order_id, status);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_submissions_pending ON submissions (created_at) WHERE status = 'pending';

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_payment_transactions_gateway_status ON payment_transactions (gateway, gateway_status);
