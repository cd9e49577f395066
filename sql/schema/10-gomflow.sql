-- 10-gomflow.sql — GOMFLOW's production schema (PRODUCTION_COMPLETE_SCHEMA.sql), as
-- described in shared/gomflow-schema.md, for the load-testing harness.
--
-- The harness exists to find the schema's flaws, so they are all kept on purpose:
-- duplicate and redundant indexes, per-row auth.uid()/auth.role() calls in policies,
-- policies without TO clauses, the over-broad payment-proofs read policy, views that
-- bypass RLS, SECURITY DEFINER functions without a pinned search_path.
--
-- Differences from production's file (each one listed in adaptations.json):
--   * idempotent forms (DO-guarded CREATE TYPE, IF NOT EXISTS, OR REPLACE,
--     DROP POLICY IF EXISTS + CREATE POLICY, ON CONFLICT DO NOTHING) that end in the
--     same objects, because production's file fails on a second run;
--   * the 6 CREATE INDEX CONCURRENTLY statements live in 20-gomflow-concurrent.sql,
--     because they cannot run inside a transaction block;
--   * slow_queries uses the PG 13+ pg_stat_statements column names.
-- Run it in ONE transaction, after 00-supabase-shim.sql on plain PostgreSQL.

-- =============================================================================
-- 1. Extensions
-- =============================================================================
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;

-- =============================================================================
-- 2. Enum types (11)
-- =============================================================================
DO $$
BEGIN
  IF to_regtype('public.user_plan') IS NULL THEN
    CREATE TYPE public.user_plan AS ENUM ('free', 'pro', 'gateway', 'business');
  END IF;
  IF to_regtype('public.subscription_status') IS NULL THEN
    CREATE TYPE public.subscription_status AS ENUM ('active', 'inactive', 'cancelled');
  END IF;
  IF to_regtype('public.country_code') IS NULL THEN
    CREATE TYPE public.country_code AS ENUM ('PH', 'MY');
  END IF;
  IF to_regtype('public.currency_code') IS NULL THEN
    CREATE TYPE public.currency_code AS ENUM ('PHP', 'MYR');
  END IF;
  IF to_regtype('public.submission_status') IS NULL THEN
    CREATE TYPE public.submission_status AS ENUM ('pending', 'paid', 'failed', 'expired', 'cancelled');
  END IF;
  IF to_regtype('public.platform_type') IS NULL THEN
    CREATE TYPE public.platform_type AS ENUM ('whatsapp', 'telegram', 'discord', 'web');
  END IF;
  IF to_regtype('public.message_type') IS NULL THEN
    CREATE TYPE public.message_type AS ENUM ('reminder', 'confirmation', 'query_response', 'custom');
  END IF;
  IF to_regtype('public.message_status') IS NULL THEN
    CREATE TYPE public.message_status AS ENUM ('pending', 'sent', 'failed', 'delivered');
  END IF;
  IF to_regtype('public.payment_gateway') IS NULL THEN
    CREATE TYPE public.payment_gateway AS ENUM ('paymongo', 'billplz');
  END IF;
  IF to_regtype('public.connection_type') IS NULL THEN
    CREATE TYPE public.connection_type AS ENUM ('group', 'channel', 'webhook');
  END IF;
  IF to_regtype('public.post_status') IS NULL THEN
    CREATE TYPE public.post_status AS ENUM ('posted', 'failed', 'deleted');
  END IF;
END
$$;

-- =============================================================================
-- 3. Tables (31)
-- =============================================================================

-- ---- 3.1 Core (7) -----------------------------------------------------------

CREATE TABLE IF NOT EXISTS profiles (
  user_id uuid PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
  email text UNIQUE NOT NULL,
  name text NOT NULL,
  username text UNIQUE NOT NULL,
  phone text NOT NULL,
  country country_code NOT NULL DEFAULT 'PH',
  timezone text NOT NULL DEFAULT 'Asia/Manila',
  whatsapp_enabled boolean DEFAULT false,
  telegram_enabled boolean DEFAULT false,
  discord_enabled boolean DEFAULT false,
  plan user_plan DEFAULT 'free',
  subscription_status subscription_status DEFAULT 'inactive',
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orders (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  user_id uuid NOT NULL REFERENCES profiles(user_id) ON DELETE CASCADE,
  title varchar(255) NOT NULL,
  description text,
  price numeric(10,2) NOT NULL CHECK (price >= 0),
  currency currency_code NOT NULL,
  deadline timestamptz NOT NULL,
  slug varchar(100) UNIQUE NOT NULL,
  payment_methods jsonb NOT NULL DEFAULT '[]',
  is_active boolean DEFAULT true,
  auto_close_on_deadline boolean DEFAULT true,
  min_orders integer DEFAULT 1 CHECK (min_orders >= 1),
  max_orders integer CHECK (max_orders IS NULL OR max_orders >= min_orders),
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);

CREATE TABLE IF NOT EXISTS submissions (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  buyer_name varchar(255) NOT NULL,
  buyer_phone varchar(20) NOT NULL,
  buyer_email varchar(255),
  buyer_platform platform_type DEFAULT 'web',
  buyer_platform_id varchar(100),
  quantity integer NOT NULL CHECK (quantity >= 1),
  total_amount numeric(10,2) NOT NULL CHECK (total_amount >= 0),
  currency currency_code NOT NULL,
  payment_reference varchar(50) UNIQUE NOT NULL,
  payment_gateway payment_gateway,
  payment_intent_id varchar(255),
  checkout_session_id varchar(255),
  payment_url text,
  status submission_status DEFAULT 'pending',
  source_platform varchar(50),
  utm_source varchar(100),
  last_reminder_sent timestamptz,
  reminder_count integer DEFAULT 0,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);

CREATE TABLE IF NOT EXISTS payment_transactions (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  gateway payment_gateway NOT NULL,
  gateway_payment_id varchar(255) NOT NULL,
  gateway_status varchar(50) NOT NULL,
  amount numeric(10,2) NOT NULL CHECK (amount >= 0),
  currency currency_code NOT NULL,
  payment_method varchar(50),
  paid_at timestamptz,
  webhook_data jsonb,
  created_at timestamptz DEFAULT now()
);

CREATE TABLE IF NOT EXISTS platform_connections (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  user_id uuid NOT NULL REFERENCES profiles(user_id) ON DELETE CASCADE,
  platform platform_type NOT NULL,
  connection_type connection_type NOT NULL,
  config jsonb NOT NULL DEFAULT '{}',
  is_active boolean DEFAULT true,
  created_at timestamptz DEFAULT now()
);

CREATE TABLE IF NOT EXISTS messages (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  platform platform_type NOT NULL,
  message_type message_type NOT NULL,
  content text NOT NULL,
  status message_status DEFAULT 'pending',
  external_message_id varchar(255),
  sent_at timestamptz,
  delivered_at timestamptz,
  error_message text,
  created_at timestamptz DEFAULT now()
);

CREATE TABLE IF NOT EXISTS platform_posts (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  platform platform_type NOT NULL,
  post_id varchar(255),
  post_url text,
  status post_status DEFAULT 'posted',
  created_at timestamptz DEFAULT now()
);

-- ---- 3.2 Notifications (5) --------------------------------------------------

CREATE TABLE IF NOT EXISTS notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES profiles(user_id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN (
    'order_created', 'order_updated', 'order_deadline_approaching', 'order_goal_reached',
    'order_completed', 'order_cancelled', 'submission_created', 'submission_payment_required',
    'submission_payment_confirmed', 'submission_payment_rejected', 'new_order_recommendation',
    'category_update', 'gom_message', 'announcement', 'system_maintenance', 'feature_update'
  )),
  title text NOT NULL,
  message text NOT NULL,
  data jsonb DEFAULT '{}',
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  channels_sent text[] DEFAULT '{}',
  sent_successfully boolean DEFAULT false,
  read_at timestamptz,
  errors text[],
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  scheduled_for timestamptz,
  expires_at timestamptz
);

CREATE TABLE IF NOT EXISTS notification_preferences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL UNIQUE REFERENCES profiles(user_id) ON DELETE CASCADE,
  order_updates jsonb DEFAULT '{"websocket": true, "push": true, "email": false}',
  payment_updates jsonb DEFAULT '{"websocket": true, "push": true, "email": true}',
  discovery jsonb DEFAULT '{"websocket": true, "push": false, "email": false}',
  communications jsonb DEFAULT '{"websocket": true, "push": true, "email": true}',
  quiet_hours jsonb DEFAULT '{"enabled": false, "start_time": "22:00", "end_time": "08:00", "timezone": "Asia/Manila"}',
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS user_devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES profiles(user_id) ON DELETE CASCADE,
  device_type text NOT NULL CHECK (device_type IN ('web', 'ios', 'android')),
  device_id text NOT NULL,
  fcm_token text NOT NULL,
  device_info jsonb DEFAULT '{}',
  is_active boolean DEFAULT true,
  last_used_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  UNIQUE (user_id, device_id)
);

CREATE TABLE IF NOT EXISTS notification_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('websocket', 'push', 'email', 'sms')),
  language text NOT NULL DEFAULT 'en',
  subject text,
  title text NOT NULL,
  message text NOT NULL,
  html_content text,
  variables text[] DEFAULT '{}',
  is_active boolean DEFAULT true,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  UNIQUE (type, channel, language)
);

CREATE TABLE IF NOT EXISTS notification_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('websocket', 'push', 'email', 'sms')),
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'delivered', 'failed', 'bounced')),
  external_id text,
  error_message text,
  delivered_at timestamptz,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

-- ---- 3.3 Analytics (11) -----------------------------------------------------

CREATE TABLE IF NOT EXISTS analytics_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_type text NOT NULL CHECK (event_type IN (
    'order_created', 'order_updated', 'order_deadline_reached', 'order_goal_reached',
    'order_completed', 'order_cancelled', 'submission_created', 'submission_updated',
    'submission_payment_uploaded', 'submission_payment_verified', 'submission_payment_rejected',
    'user_registered', 'user_login', 'user_profile_updated', 'platform_message_sent',
    'platform_message_received', 'platform_notification_sent', 'error_occurred', 'api_error',
    'payment_error'
  )),
  user_id uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  order_id uuid REFERENCES orders(id) ON DELETE SET NULL,
  submission_id uuid REFERENCES submissions(id) ON DELETE SET NULL,
  guild_id text,
  platform text CHECK (platform IN ('web', 'mobile', 'discord', 'telegram', 'whatsapp')),
  country text CHECK (country IN ('PH', 'MY')),
  currency text CHECK (currency IN ('PHP', 'MYR')),
  event_data jsonb DEFAULT '{}',
  session_id text,
  user_agent text,
  ip_address inet,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS analytics_aggregations (
  id text PRIMARY KEY,
  metric_name text NOT NULL,
  metric_value numeric(15,4) NOT NULL,
  dimensions jsonb DEFAULT '{}',
  time_bucket timestamptz NOT NULL,
  bucket_size text NOT NULL CHECK (bucket_size IN ('minute', 'hour', 'day', 'week', 'month')),
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS analytics_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  config_id uuid NOT NULL,
  name text NOT NULL,
  description text,
  report_type text NOT NULL CHECK (report_type IN ('realtime', 'scheduled', 'on_demand')),
  report_data jsonb NOT NULL,
  filters jsonb DEFAULT '{}',
  format text NOT NULL CHECK (format IN ('json', 'csv', 'pdf', 'excel')),
  file_url text,
  status text NOT NULL DEFAULT 'generated' CHECK (status IN ('generating', 'generated', 'failed', 'expired')),
  generated_by uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  expires_at timestamptz
);

CREATE TABLE IF NOT EXISTS analytics_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text,
  metric text NOT NULL,
  condition text NOT NULL CHECK (condition IN ('above', 'below', 'equals', 'changes_by')),
  threshold numeric(15,4) NOT NULL,
  time_window integer NOT NULL,
  is_active boolean DEFAULT true,
  recipients text[] DEFAULT '{}',
  channels text[] DEFAULT '{}',
  webhook_url text,
  last_triggered timestamptz,
  trigger_count integer DEFAULT 0,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS analytics_export_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_data jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
  file_url text,
  file_size bigint,
  error_message text,
  requested_by uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  download_count integer DEFAULT 0,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  completed_at timestamptz,
  expires_at timestamptz
);

CREATE TABLE IF NOT EXISTS analytics_dashboards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text,
  config jsonb NOT NULL,
  is_default boolean DEFAULT false,
  is_public boolean DEFAULT false,
  created_by uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  shared_with text[] DEFAULT '{}',
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS analytics_user_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid REFERENCES profiles(user_id) ON DELETE CASCADE,
  session_id text NOT NULL,
  platform text CHECK (platform IN ('web', 'mobile', 'discord', 'telegram', 'whatsapp')),
  country text CHECK (country IN ('PH', 'MY')),
  user_agent text,
  ip_address inet,
  started_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  ended_at timestamptz,
  duration_seconds integer,
  page_views integer DEFAULT 0,
  actions_taken integer DEFAULT 0,
  is_active boolean DEFAULT true
);

CREATE TABLE IF NOT EXISTS analytics_funnels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text,
  steps jsonb NOT NULL,
  conversion_window_hours integer DEFAULT 24,
  is_active boolean DEFAULT true,
  created_by uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS analytics_cohorts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cohort_date date NOT NULL,
  cohort_size integer NOT NULL,
  period_type text NOT NULL CHECK (period_type IN ('daily', 'weekly', 'monthly')),
  metric_type text NOT NULL CHECK (metric_type IN ('retention', 'revenue', 'orders')),
  period_data jsonb NOT NULL,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS analytics_segments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text,
  criteria jsonb NOT NULL,
  user_count integer DEFAULT 0,
  last_calculated timestamptz,
  is_active boolean DEFAULT true,
  created_by uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS analytics_ab_tests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text,
  variants jsonb NOT NULL,
  traffic_allocation jsonb NOT NULL,
  metrics jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'completed', 'paused')),
  start_date timestamptz,
  end_date timestamptz,
  results jsonb,
  created_by uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

-- ---- 3.4 Monitoring (8) -----------------------------------------------------

CREATE TABLE IF NOT EXISTS monitoring_metrics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_name text NOT NULL,
  metric_name text NOT NULL,
  metric_value numeric(15,4) NOT NULL,
  labels jsonb DEFAULT '{}',
  timestamp timestamptz NOT NULL,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS monitoring_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL CHECK (type IN (
    'cpu_high', 'memory_high', 'disk_full', 'service_down', 'response_time_high',
    'error_rate_high', 'queue_backlog', 'database_slow', 'custom'
  )),
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  service text NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  threshold numeric(15,4) NOT NULL,
  current_value numeric(15,4) NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'resolved', 'acknowledged', 'suppressed')),
  metadata jsonb DEFAULT '{}',
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  resolved_at timestamptz
);

CREATE TABLE IF NOT EXISTS monitoring_logs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  timestamp timestamptz NOT NULL,
  level text NOT NULL CHECK (level IN ('error', 'warn', 'info', 'debug')),
  service text NOT NULL,
  message text NOT NULL,
  metadata jsonb DEFAULT '{}',
  trace_id text,
  user_id uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS monitoring_dashboards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text,
  widgets jsonb NOT NULL DEFAULT '[]',
  is_public boolean DEFAULT false,
  created_by uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  shared_with text[] DEFAULT '{}',
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS monitoring_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  alert_id uuid REFERENCES monitoring_alerts(id) ON DELETE CASCADE,
  channels text[] NOT NULL,
  title text NOT NULL,
  message text NOT NULL,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('pending', 'sent', 'failed', 'retry')),
  error_message text,
  sent_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  retry_count integer DEFAULT 0
);

CREATE TABLE IF NOT EXISTS monitoring_service_health (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('healthy', 'unhealthy', 'degraded', 'unknown')),
  response_time integer NOT NULL,
  uptime_percentage numeric(5,2) DEFAULT 100.00,
  version text,
  details jsonb DEFAULT '{}',
  dependencies jsonb DEFAULT '[]',
  checked_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS monitoring_alert_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text,
  service text NOT NULL,
  metric text NOT NULL,
  condition text NOT NULL CHECK (condition IN ('above', 'below', 'equals', 'changes_by')),
  threshold numeric(15,4) NOT NULL,
  duration_seconds integer NOT NULL DEFAULT 60,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  enabled boolean DEFAULT true,
  notification_channels text[] DEFAULT '{}',
  metadata jsonb DEFAULT '{}',
  created_by uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS monitoring_downtimes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service text NOT NULL,
  type text NOT NULL CHECK (type IN ('planned', 'unplanned')),
  title text NOT NULL,
  description text,
  start_time timestamptz NOT NULL,
  end_time timestamptz,
  duration_seconds integer,
  impact text CHECK (impact IN ('none', 'minor', 'major', 'critical')),
  status text NOT NULL DEFAULT 'ongoing' CHECK (status IN ('scheduled', 'ongoing', 'resolved')),
  metadata jsonb DEFAULT '{}',
  created_by uuid REFERENCES profiles(user_id) ON DELETE SET NULL,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz DEFAULT CURRENT_TIMESTAMP
);

-- =============================================================================
-- 4. Indexes (103 plain; the 6 CONCURRENTLY ones are in 20-gomflow-concurrent.sql)
-- Duplicates of constraint indexes (idx_profiles_email, idx_profiles_username,
-- idx_orders_slug, idx_submissions_payment_reference,
-- idx_notification_preferences_user_id, idx_notification_templates_type_channel)
-- and prefix-redundant ones are production's and kept on purpose.
-- =============================================================================

-- Core
CREATE INDEX IF NOT EXISTS idx_profiles_email ON profiles(email);
CREATE INDEX IF NOT EXISTS idx_profiles_username ON profiles(username);
CREATE INDEX IF NOT EXISTS idx_profiles_country ON profiles(country);
CREATE INDEX IF NOT EXISTS idx_profiles_plan ON profiles(plan);
CREATE INDEX IF NOT EXISTS idx_profiles_created_at ON profiles(created_at);

CREATE INDEX IF NOT EXISTS idx_orders_user_id ON orders(user_id);
CREATE INDEX IF NOT EXISTS idx_orders_slug ON orders(slug);
CREATE INDEX IF NOT EXISTS idx_orders_is_active ON orders(is_active);
CREATE INDEX IF NOT EXISTS idx_orders_deadline ON orders(deadline);
CREATE INDEX IF NOT EXISTS idx_orders_currency ON orders(currency);
CREATE INDEX IF NOT EXISTS idx_orders_created_at ON orders(created_at);
CREATE INDEX IF NOT EXISTS idx_orders_title_trgm ON orders USING gin (title gin_trgm_ops);

CREATE INDEX IF NOT EXISTS idx_submissions_order_id ON submissions(order_id);
CREATE INDEX IF NOT EXISTS idx_submissions_status ON submissions(status);
CREATE INDEX IF NOT EXISTS idx_submissions_payment_reference ON submissions(payment_reference);
CREATE INDEX IF NOT EXISTS idx_submissions_buyer_platform ON submissions(buyer_platform);
CREATE INDEX IF NOT EXISTS idx_submissions_buyer_platform_id ON submissions(buyer_platform_id);
CREATE INDEX IF NOT EXISTS idx_submissions_created_at ON submissions(created_at);
CREATE INDEX IF NOT EXISTS idx_submissions_buyer_phone ON submissions(buyer_phone);

CREATE INDEX IF NOT EXISTS idx_payment_transactions_submission_id ON payment_transactions(submission_id);
CREATE INDEX IF NOT EXISTS idx_payment_transactions_gateway ON payment_transactions(gateway);
CREATE INDEX IF NOT EXISTS idx_payment_transactions_gateway_payment_id ON payment_transactions(gateway_payment_id);
CREATE INDEX IF NOT EXISTS idx_payment_transactions_paid_at ON payment_transactions(paid_at);

CREATE INDEX IF NOT EXISTS idx_platform_connections_user_id ON platform_connections(user_id);
CREATE INDEX IF NOT EXISTS idx_platform_connections_platform ON platform_connections(platform);
CREATE INDEX IF NOT EXISTS idx_platform_connections_is_active ON platform_connections(is_active);

CREATE INDEX IF NOT EXISTS idx_messages_submission_id ON messages(submission_id);
CREATE INDEX IF NOT EXISTS idx_messages_platform ON messages(platform);
CREATE INDEX IF NOT EXISTS idx_messages_status ON messages(status);
CREATE INDEX IF NOT EXISTS idx_messages_sent_at ON messages(sent_at);
CREATE INDEX IF NOT EXISTS idx_messages_created_at ON messages(created_at);

CREATE INDEX IF NOT EXISTS idx_platform_posts_order_id ON platform_posts(order_id);
CREATE INDEX IF NOT EXISTS idx_platform_posts_platform ON platform_posts(platform);
CREATE INDEX IF NOT EXISTS idx_platform_posts_status ON platform_posts(status);

-- Notifications
CREATE INDEX IF NOT EXISTS idx_notifications_user_id ON notifications(user_id);
CREATE INDEX IF NOT EXISTS idx_notifications_type ON notifications(type);
CREATE INDEX IF NOT EXISTS idx_notifications_created_at ON notifications(created_at);
CREATE INDEX IF NOT EXISTS idx_notifications_read_at ON notifications(read_at);
CREATE INDEX IF NOT EXISTS idx_notifications_user_unread ON notifications(user_id, read_at) WHERE read_at IS NULL;

CREATE INDEX IF NOT EXISTS idx_notification_preferences_user_id ON notification_preferences(user_id);

CREATE INDEX IF NOT EXISTS idx_user_devices_user_id ON user_devices(user_id);
CREATE INDEX IF NOT EXISTS idx_user_devices_active ON user_devices(user_id, is_active) WHERE is_active = true;
CREATE INDEX IF NOT EXISTS idx_user_devices_fcm_token ON user_devices(fcm_token);

CREATE INDEX IF NOT EXISTS idx_notification_templates_type_channel ON notification_templates(type, channel, language);

CREATE INDEX IF NOT EXISTS idx_notification_deliveries_notification_id ON notification_deliveries(notification_id);
CREATE INDEX IF NOT EXISTS idx_notification_deliveries_channel_status ON notification_deliveries(channel, status);

-- Analytics
CREATE INDEX IF NOT EXISTS idx_analytics_events_type ON analytics_events(event_type);
CREATE INDEX IF NOT EXISTS idx_analytics_events_user_id ON analytics_events(user_id);
CREATE INDEX IF NOT EXISTS idx_analytics_events_created_at ON analytics_events(created_at);
CREATE INDEX IF NOT EXISTS idx_analytics_events_platform ON analytics_events(platform);
CREATE INDEX IF NOT EXISTS idx_analytics_events_country ON analytics_events(country);
CREATE INDEX IF NOT EXISTS idx_analytics_events_order_id ON analytics_events(order_id);
CREATE INDEX IF NOT EXISTS idx_analytics_events_submission_id ON analytics_events(submission_id);
CREATE INDEX IF NOT EXISTS idx_analytics_events_session_id ON analytics_events(session_id);
CREATE INDEX IF NOT EXISTS idx_analytics_events_user_date ON analytics_events(user_id, created_at);
CREATE INDEX IF NOT EXISTS idx_analytics_events_type_date ON analytics_events(event_type, created_at);
CREATE INDEX IF NOT EXISTS idx_analytics_events_platform_date ON analytics_events(platform, created_at);

CREATE INDEX IF NOT EXISTS idx_analytics_aggregations_metric ON analytics_aggregations(metric_name);
CREATE INDEX IF NOT EXISTS idx_analytics_aggregations_time_bucket ON analytics_aggregations(time_bucket);
CREATE INDEX IF NOT EXISTS idx_analytics_aggregations_bucket_size ON analytics_aggregations(bucket_size);
CREATE INDEX IF NOT EXISTS idx_analytics_aggregations_metric_time ON analytics_aggregations(metric_name, time_bucket);

CREATE INDEX IF NOT EXISTS idx_analytics_reports_type ON analytics_reports(report_type);
CREATE INDEX IF NOT EXISTS idx_analytics_reports_created_at ON analytics_reports(created_at);
CREATE INDEX IF NOT EXISTS idx_analytics_reports_generated_by ON analytics_reports(generated_by);

CREATE INDEX IF NOT EXISTS idx_analytics_alerts_metric ON analytics_alerts(metric);
CREATE INDEX IF NOT EXISTS idx_analytics_alerts_is_active ON analytics_alerts(is_active);

CREATE INDEX IF NOT EXISTS idx_analytics_export_jobs_status ON analytics_export_jobs(status);
CREATE INDEX IF NOT EXISTS idx_analytics_export_jobs_requested_by ON analytics_export_jobs(requested_by);

CREATE INDEX IF NOT EXISTS idx_analytics_user_sessions_user_id ON analytics_user_sessions(user_id);
CREATE INDEX IF NOT EXISTS idx_analytics_user_sessions_session_id ON analytics_user_sessions(session_id);
CREATE INDEX IF NOT EXISTS idx_analytics_user_sessions_started_at ON analytics_user_sessions(started_at);

CREATE INDEX IF NOT EXISTS idx_analytics_segments_name ON analytics_segments(name);
CREATE INDEX IF NOT EXISTS idx_analytics_segments_is_active ON analytics_segments(is_active);

-- Monitoring
CREATE INDEX IF NOT EXISTS idx_monitoring_metrics_service ON monitoring_metrics(service_name);
CREATE INDEX IF NOT EXISTS idx_monitoring_metrics_name ON monitoring_metrics(metric_name);
CREATE INDEX IF NOT EXISTS idx_monitoring_metrics_timestamp ON monitoring_metrics(timestamp);
CREATE INDEX IF NOT EXISTS idx_monitoring_metrics_service_time ON monitoring_metrics(service_name, timestamp);
CREATE INDEX IF NOT EXISTS idx_monitoring_metrics_name_time ON monitoring_metrics(metric_name, timestamp);

CREATE INDEX IF NOT EXISTS idx_monitoring_alerts_service ON monitoring_alerts(service);
CREATE INDEX IF NOT EXISTS idx_monitoring_alerts_type ON monitoring_alerts(type);
CREATE INDEX IF NOT EXISTS idx_monitoring_alerts_severity ON monitoring_alerts(severity);
CREATE INDEX IF NOT EXISTS idx_monitoring_alerts_status ON monitoring_alerts(status);
CREATE INDEX IF NOT EXISTS idx_monitoring_alerts_created_at ON monitoring_alerts(created_at);
CREATE INDEX IF NOT EXISTS idx_monitoring_alerts_service_status ON monitoring_alerts(service, status);

CREATE INDEX IF NOT EXISTS idx_monitoring_logs_service ON monitoring_logs(service);
CREATE INDEX IF NOT EXISTS idx_monitoring_logs_level ON monitoring_logs(level);
CREATE INDEX IF NOT EXISTS idx_monitoring_logs_timestamp ON monitoring_logs(timestamp);
CREATE INDEX IF NOT EXISTS idx_monitoring_logs_trace_id ON monitoring_logs(trace_id);
CREATE INDEX IF NOT EXISTS idx_monitoring_logs_user_id ON monitoring_logs(user_id);
CREATE INDEX IF NOT EXISTS idx_monitoring_logs_service_time ON monitoring_logs(service, timestamp);

CREATE INDEX IF NOT EXISTS idx_monitoring_service_health_service ON monitoring_service_health(service_name);
CREATE INDEX IF NOT EXISTS idx_monitoring_service_health_status ON monitoring_service_health(status);
CREATE INDEX IF NOT EXISTS idx_monitoring_service_health_checked_at ON monitoring_service_health(checked_at);

CREATE INDEX IF NOT EXISTS idx_monitoring_notifications_alert_id ON monitoring_notifications(alert_id);
CREATE INDEX IF NOT EXISTS idx_monitoring_notifications_status ON monitoring_notifications(status);
CREATE INDEX IF NOT EXISTS idx_monitoring_notifications_sent_at ON monitoring_notifications(sent_at);

CREATE INDEX IF NOT EXISTS idx_monitoring_alert_rules_service ON monitoring_alert_rules(service);
CREATE INDEX IF NOT EXISTS idx_monitoring_alert_rules_enabled ON monitoring_alert_rules(enabled);
CREATE INDEX IF NOT EXISTS idx_monitoring_alert_rules_severity ON monitoring_alert_rules(severity);

CREATE INDEX IF NOT EXISTS idx_monitoring_downtimes_service ON monitoring_downtimes(service);
CREATE INDEX IF NOT EXISTS idx_monitoring_downtimes_type ON monitoring_downtimes(type);
CREATE INDEX IF NOT EXISTS idx_monitoring_downtimes_status ON monitoring_downtimes(status);
CREATE INDEX IF NOT EXISTS idx_monitoring_downtimes_start_time ON monitoring_downtimes(start_time);

-- =============================================================================
-- 5. Functions (9)
-- None pins search_path, and none revokes EXECUTE from PUBLIC: that is production's
-- flaw (the 5 SECURITY DEFINER ones resolve table names through the caller's
-- search_path and can be called by anon), kept so the harness can find it.
-- =============================================================================

-- Invoker rights: the uniqueness probe only sees the submissions RLS shows the
-- caller (none for anon); the UNIQUE constraint is the real guard.
CREATE OR REPLACE FUNCTION generate_payment_reference(country_prefix text)
RETURNS text AS $$
DECLARE
  reference text;
  reference_exists boolean;
BEGIN
  LOOP
    reference := country_prefix || '-' || upper(substring(md5(random()::text) FROM 1 FOR 8));
    SELECT EXISTS (
      SELECT 1 FROM submissions WHERE payment_reference = reference
    ) INTO reference_exists;
    EXIT WHEN NOT reference_exists;
  END LOOP;
  RETURN reference;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS trigger AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION get_order_stats(order_uuid uuid)
RETURNS json AS $$
DECLARE
  result json;
BEGIN
  SELECT json_build_object(
    'total_submissions', COUNT(*),
    'pending_submissions', COUNT(*) FILTER (WHERE status = 'pending'),
    'paid_submissions', COUNT(*) FILTER (WHERE status = 'paid'),
    'total_quantity', COALESCE(SUM(quantity), 0),
    'total_revenue', COALESCE(SUM(total_amount) FILTER (WHERE status = 'paid'), 0),
    'pending_revenue', COALESCE(SUM(total_amount) FILTER (WHERE status = 'pending'), 0)
  )
  INTO result
  FROM submissions
  WHERE order_id = order_uuid;

  RETURN result;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION get_user_dashboard_stats(user_uuid uuid)
RETURNS json AS $$
DECLARE
  result json;
BEGIN
  SELECT json_build_object(
    'total_orders', COUNT(*),
    'active_orders', COUNT(*) FILTER (WHERE o.is_active = true),
    'total_submissions', COALESCE(SUM(
      (SELECT COUNT(*) FROM submissions s WHERE s.order_id = o.id)
    ), 0),
    'total_revenue', COALESCE(SUM(
      (SELECT SUM(s.total_amount) FROM submissions s WHERE s.order_id = o.id AND s.status = 'paid')
    ), 0),
    'pending_revenue', COALESCE(SUM(
      (SELECT SUM(s.total_amount) FROM submissions s WHERE s.order_id = o.id AND s.status = 'pending')
    ), 0)
  )
  INTO result
  FROM orders o
  WHERE o.user_id = user_uuid;

  RETURN result;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION create_default_notification_preferences()
RETURNS trigger AS $$
BEGIN
  INSERT INTO notification_preferences (user_id)
  VALUES (NEW.user_id)
  ON CONFLICT (user_id) DO NOTHING;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;

-- No check that the caller is user_uuid: anyone can read anyone's count (flaw kept).
CREATE OR REPLACE FUNCTION get_unread_notification_count(user_uuid uuid)
RETURNS integer AS $$
BEGIN
  RETURN (
    SELECT COUNT(*)::integer
    FROM notifications
    WHERE user_id = user_uuid
      AND read_at IS NULL
      AND (expires_at IS NULL OR expires_at > now())
  );
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;

-- No check that the caller is user_uuid either (flaw kept).
CREATE OR REPLACE FUNCTION mark_notification_read(notification_uuid uuid, user_uuid uuid)
RETURNS boolean AS $$
BEGIN
  UPDATE notifications
  SET read_at = now(), updated_at = now()
  WHERE id = notification_uuid
    AND user_id = user_uuid
    AND read_at IS NULL;
  RETURN FOUND;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;

-- Callable by anon; deletes expired submissions (cascading to payments and messages)
-- and every message older than 60 days, whatever its status (flaws kept).
CREATE OR REPLACE FUNCTION cleanup_old_data()
RETURNS void AS $$
BEGIN
  DELETE FROM notifications
  WHERE read_at IS NOT NULL
    AND created_at < now() - INTERVAL '30 days';

  DELETE FROM notifications
  WHERE expires_at IS NOT NULL
    AND expires_at < now() - INTERVAL '7 days';

  DELETE FROM analytics_events
  WHERE created_at < now() - INTERVAL '365 days';

  DELETE FROM monitoring_metrics
  WHERE created_at < now() - INTERVAL '30 days';

  DELETE FROM submissions
  WHERE status = 'expired'
    AND created_at < now() - INTERVAL '90 days';

  DELETE FROM messages
  WHERE created_at < now() - INTERVAL '60 days';

  RAISE NOTICE 'Old data cleanup completed at %', now();
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;

-- Exposes global row counts to any caller (flaw kept).
CREATE OR REPLACE FUNCTION database_health_check()
RETURNS json AS $$
DECLARE
  result json;
BEGIN
  SELECT json_build_object(
    'timestamp', now(),
    'status', 'healthy',
    'version', version(),
    'connections', (SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active'),
    'database_size', pg_size_pretty(pg_database_size(current_database())),
    'table_counts', json_build_object(
      'profiles', (SELECT COUNT(*) FROM profiles),
      'orders', (SELECT COUNT(*) FROM orders),
      'submissions', (SELECT COUNT(*) FROM submissions),
      'notifications', (SELECT COUNT(*) FROM notifications),
      'analytics_events', (SELECT COUNT(*) FROM analytics_events),
      'monitoring_metrics', (SELECT COUNT(*) FROM monitoring_metrics)
    )
  )
  INTO result;

  RETURN result;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER;

-- =============================================================================
-- 6. Triggers (16)
-- =============================================================================
CREATE OR REPLACE TRIGGER trigger_profiles_updated_at
  BEFORE UPDATE ON profiles
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_orders_updated_at
  BEFORE UPDATE ON orders
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_submissions_updated_at
  BEFORE UPDATE ON submissions
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_create_notification_preferences
  AFTER INSERT ON profiles
  FOR EACH ROW EXECUTE FUNCTION create_default_notification_preferences();

CREATE OR REPLACE TRIGGER trigger_notification_preferences_updated_at
  BEFORE UPDATE ON notification_preferences
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_user_devices_updated_at
  BEFORE UPDATE ON user_devices
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_notification_templates_updated_at
  BEFORE UPDATE ON notification_templates
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_analytics_alerts_updated_at
  BEFORE UPDATE ON analytics_alerts
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_analytics_dashboards_updated_at
  BEFORE UPDATE ON analytics_dashboards
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_analytics_funnels_updated_at
  BEFORE UPDATE ON analytics_funnels
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_analytics_segments_updated_at
  BEFORE UPDATE ON analytics_segments
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_analytics_ab_tests_updated_at
  BEFORE UPDATE ON analytics_ab_tests
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_monitoring_alerts_updated_at
  BEFORE UPDATE ON monitoring_alerts
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_monitoring_dashboards_updated_at
  BEFORE UPDATE ON monitoring_dashboards
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_monitoring_alert_rules_updated_at
  BEFORE UPDATE ON monitoring_alert_rules
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_monitoring_downtimes_updated_at
  BEFORE UPDATE ON monitoring_downtimes
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- =============================================================================
-- 7. Row-level security: enabled on all 31 tables (11 of them get no policy)
-- =============================================================================
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_transactions ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_connections ENABLE ROW LEVEL SECURITY;
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_posts ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_aggregations ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_export_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_dashboards ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_user_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_funnels ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_cohorts ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_segments ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_ab_tests ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_metrics ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_dashboards ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_service_health ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_alert_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_downtimes ENABLE ROW LEVEL SECURITY;

-- =============================================================================
-- 8. Policies on public tables (49)
-- As in production: no TO clause (they apply to PUBLIC, anon included) and
-- auth.uid()/auth.role() called bare, not wrapped in (select ...), so they may be
-- evaluated per row. Both are flaws the harness measures; do not "fix" them here.
-- =============================================================================

-- profiles (4)
DROP POLICY IF EXISTS "Users can view own profile" ON profiles;
CREATE POLICY "Users can view own profile" ON profiles
  FOR SELECT USING (auth.uid() = user_id);

DROP POLICY IF EXISTS "Users can update own profile" ON profiles;
CREATE POLICY "Users can update own profile" ON profiles
  FOR UPDATE USING (auth.uid() = user_id);

DROP POLICY IF EXISTS "Users can insert own profile" ON profiles;
CREATE POLICY "Users can insert own profile" ON profiles
  FOR INSERT WITH CHECK (auth.uid() = user_id);

DROP POLICY IF EXISTS "Service role full access profiles" ON profiles;
CREATE POLICY "Service role full access profiles" ON profiles
  FOR ALL USING (auth.role() = 'service_role');

-- orders (5)
DROP POLICY IF EXISTS "Users can view own orders" ON orders;
CREATE POLICY "Users can view own orders" ON orders
  FOR SELECT USING (auth.uid() = user_id);

DROP POLICY IF EXISTS "Users can create own orders" ON orders;
CREATE POLICY "Users can create own orders" ON orders
  FOR INSERT WITH CHECK (auth.uid() = user_id);

DROP POLICY IF EXISTS "Users can update own orders" ON orders;
CREATE POLICY "Users can update own orders" ON orders
  FOR UPDATE USING (auth.uid() = user_id);

DROP POLICY IF EXISTS "Public can view active orders" ON orders;
CREATE POLICY "Public can view active orders" ON orders
  FOR SELECT USING (is_active = true);

DROP POLICY IF EXISTS "Service role full access orders" ON orders;
CREATE POLICY "Service role full access orders" ON orders
  FOR ALL USING (auth.role() = 'service_role');

-- submissions (4)
DROP POLICY IF EXISTS "Order owners can view submissions" ON submissions;
CREATE POLICY "Order owners can view submissions" ON submissions
  FOR SELECT USING (
    EXISTS (
      SELECT 1 FROM orders o
      WHERE o.id = submissions.order_id
        AND o.user_id = auth.uid()
    )
  );

-- `order_id` is left unqualified as in production. orders has no such column, so
-- it resolves to the new submissions row (stored as submissions.order_id); the
-- subquery on orders is itself filtered by the caller's orders RLS. No check on
-- status, amount, currency or quantity (flaw kept).
DROP POLICY IF EXISTS "Anyone can create submissions for active orders" ON submissions;
CREATE POLICY "Anyone can create submissions for active orders" ON submissions
  FOR INSERT WITH CHECK (
    EXISTS (
      SELECT 1 FROM orders o
      WHERE o.id = order_id
        AND o.is_active = true
        AND o.deadline > now()
    )
  );

DROP POLICY IF EXISTS "Order owners can update submissions" ON submissions;
CREATE POLICY "Order owners can update submissions" ON submissions
  FOR UPDATE USING (
    EXISTS (
      SELECT 1 FROM orders o
      WHERE o.id = submissions.order_id
        AND o.user_id = auth.uid()
    )
  );

DROP POLICY IF EXISTS "Service role full access submissions" ON submissions;
CREATE POLICY "Service role full access submissions" ON submissions
  FOR ALL USING (auth.role() = 'service_role');

-- payment_transactions (2)
DROP POLICY IF EXISTS "Order owners can view payment transactions" ON payment_transactions;
CREATE POLICY "Order owners can view payment transactions" ON payment_transactions
  FOR SELECT USING (
    EXISTS (
      SELECT 1 FROM submissions s
      JOIN orders o ON o.id = s.order_id
      WHERE s.id = payment_transactions.submission_id
        AND o.user_id = auth.uid()
    )
  );

DROP POLICY IF EXISTS "Service role can manage payment transactions" ON payment_transactions;
CREATE POLICY "Service role can manage payment transactions" ON payment_transactions
  FOR ALL USING (auth.role() = 'service_role');

-- platform_connections (1)
DROP POLICY IF EXISTS "Users can manage own platform connections" ON platform_connections;
CREATE POLICY "Users can manage own platform connections" ON platform_connections
  FOR ALL USING (auth.uid() = user_id);

-- messages (2)
DROP POLICY IF EXISTS "Order owners can view messages" ON messages;
CREATE POLICY "Order owners can view messages" ON messages
  FOR SELECT USING (
    EXISTS (
      SELECT 1 FROM submissions s
      JOIN orders o ON o.id = s.order_id
      WHERE s.id = messages.submission_id
        AND o.user_id = auth.uid()
    )
  );

DROP POLICY IF EXISTS "Service role can manage messages" ON messages;
CREATE POLICY "Service role can manage messages" ON messages
  FOR ALL USING (auth.role() = 'service_role');

-- platform_posts (2)
DROP POLICY IF EXISTS "Order owners can view platform posts" ON platform_posts;
CREATE POLICY "Order owners can view platform posts" ON platform_posts
  FOR SELECT USING (
    EXISTS (
      SELECT 1 FROM orders o
      WHERE o.id = platform_posts.order_id
        AND o.user_id = auth.uid()
    )
  );

DROP POLICY IF EXISTS "Service role can manage platform posts" ON platform_posts;
CREATE POLICY "Service role can manage platform posts" ON platform_posts
  FOR ALL USING (auth.role() = 'service_role');

-- notifications (3)
DROP POLICY IF EXISTS "Users can view own notifications" ON notifications;
CREATE POLICY "Users can view own notifications" ON notifications
  FOR SELECT USING (auth.uid() = user_id);

DROP POLICY IF EXISTS "Users can update own notifications" ON notifications;
CREATE POLICY "Users can update own notifications" ON notifications
  FOR UPDATE USING (auth.uid() = user_id);

DROP POLICY IF EXISTS "Service role can manage notifications" ON notifications;
CREATE POLICY "Service role can manage notifications" ON notifications
  FOR ALL USING (auth.role() = 'service_role');

-- notification_preferences (3)
DROP POLICY IF EXISTS "Users can view own preferences" ON notification_preferences;
CREATE POLICY "Users can view own preferences" ON notification_preferences
  FOR SELECT USING (auth.uid() = user_id);

DROP POLICY IF EXISTS "Users can update own preferences" ON notification_preferences;
CREATE POLICY "Users can update own preferences" ON notification_preferences
  FOR UPDATE USING (auth.uid() = user_id);

DROP POLICY IF EXISTS "Users can insert own preferences" ON notification_preferences;
CREATE POLICY "Users can insert own preferences" ON notification_preferences
  FOR INSERT WITH CHECK (auth.uid() = user_id);

-- user_devices (1)
DROP POLICY IF EXISTS "Users can manage own devices" ON user_devices;
CREATE POLICY "Users can manage own devices" ON user_devices
  FOR ALL USING (auth.uid() = user_id);

-- notification_templates (1)
DROP POLICY IF EXISTS "Anyone can view templates" ON notification_templates;
CREATE POLICY "Anyone can view templates" ON notification_templates
  FOR SELECT USING (true);

-- notification_deliveries (2)
DROP POLICY IF EXISTS "Users can view own deliveries" ON notification_deliveries;
CREATE POLICY "Users can view own deliveries" ON notification_deliveries
  FOR SELECT USING (
    EXISTS (
      SELECT 1 FROM notifications n
      WHERE n.id = notification_deliveries.notification_id
        AND n.user_id = auth.uid()
    )
  );

DROP POLICY IF EXISTS "Service role can manage deliveries" ON notification_deliveries;
CREATE POLICY "Service role can manage deliveries" ON notification_deliveries
  FOR ALL USING (auth.role() = 'service_role');

-- analytics_events (3)
DROP POLICY IF EXISTS "Anyone can track events" ON analytics_events;
CREATE POLICY "Anyone can track events" ON analytics_events
  FOR INSERT WITH CHECK (auth.uid() IS NOT NULL);

DROP POLICY IF EXISTS "Users can view own events" ON analytics_events;
CREATE POLICY "Users can view own events" ON analytics_events
  FOR SELECT USING (auth.uid() = user_id OR auth.role() = 'service_role');

DROP POLICY IF EXISTS "Service role can manage analytics" ON analytics_events;
CREATE POLICY "Service role can manage analytics" ON analytics_events
  FOR ALL USING (auth.role() = 'service_role');

-- analytics_aggregations (2)
DROP POLICY IF EXISTS "Anyone can view aggregations" ON analytics_aggregations;
CREATE POLICY "Anyone can view aggregations" ON analytics_aggregations
  FOR SELECT USING (auth.uid() IS NOT NULL);

DROP POLICY IF EXISTS "Service role can manage aggregations" ON analytics_aggregations;
CREATE POLICY "Service role can manage aggregations" ON analytics_aggregations
  FOR ALL USING (auth.role() = 'service_role');

-- analytics_reports (2)
DROP POLICY IF EXISTS "Users can view own reports" ON analytics_reports;
CREATE POLICY "Users can view own reports" ON analytics_reports
  FOR SELECT USING (auth.uid() = generated_by OR auth.role() = 'service_role');

DROP POLICY IF EXISTS "Users can create reports" ON analytics_reports;
CREATE POLICY "Users can create reports" ON analytics_reports
  FOR INSERT WITH CHECK (auth.uid() = generated_by);

-- analytics_dashboards (3)
-- The whole shared_with array is cast to uuid[]: one non-UUID element makes any
-- non-bypass SELECT that reaches the row fail (production's runtime trap, kept).
DROP POLICY IF EXISTS "Users can view accessible dashboards" ON analytics_dashboards;
CREATE POLICY "Users can view accessible dashboards" ON analytics_dashboards
  FOR SELECT USING (
    is_public = true
    OR auth.uid() = created_by
    OR auth.uid() = ANY (shared_with::uuid[])
    OR auth.role() = 'service_role'
  );

DROP POLICY IF EXISTS "Users can create dashboards" ON analytics_dashboards;
CREATE POLICY "Users can create dashboards" ON analytics_dashboards
  FOR INSERT WITH CHECK (auth.uid() = created_by);

DROP POLICY IF EXISTS "Users can update own dashboards" ON analytics_dashboards;
CREATE POLICY "Users can update own dashboards" ON analytics_dashboards
  FOR UPDATE USING (auth.uid() = created_by OR auth.role() = 'service_role');

-- monitoring_metrics (3)
DROP POLICY IF EXISTS "Service accounts can insert metrics" ON monitoring_metrics;
CREATE POLICY "Service accounts can insert metrics" ON monitoring_metrics
  FOR INSERT WITH CHECK (auth.role() IN ('service_role', 'authenticated'));

DROP POLICY IF EXISTS "Users can view system metrics" ON monitoring_metrics;
CREATE POLICY "Users can view system metrics" ON monitoring_metrics
  FOR SELECT USING (auth.uid() IS NOT NULL);

DROP POLICY IF EXISTS "Service role can manage monitoring" ON monitoring_metrics;
CREATE POLICY "Service role can manage monitoring" ON monitoring_metrics
  FOR ALL USING (auth.role() = 'service_role');

-- monitoring_alerts (2)
DROP POLICY IF EXISTS "Users can view alerts" ON monitoring_alerts;
CREATE POLICY "Users can view alerts" ON monitoring_alerts
  FOR SELECT USING (auth.uid() IS NOT NULL);

DROP POLICY IF EXISTS "Service role can manage alerts" ON monitoring_alerts;
CREATE POLICY "Service role can manage alerts" ON monitoring_alerts
  FOR ALL USING (auth.role() = 'service_role');

-- monitoring_logs (2)
DROP POLICY IF EXISTS "Service accounts can insert logs" ON monitoring_logs;
CREATE POLICY "Service accounts can insert logs" ON monitoring_logs
  FOR INSERT WITH CHECK (auth.role() IN ('service_role', 'authenticated'));

DROP POLICY IF EXISTS "Users can view own logs" ON monitoring_logs;
CREATE POLICY "Users can view own logs" ON monitoring_logs
  FOR SELECT USING (auth.uid() = user_id OR auth.role() = 'service_role');

-- monitoring_service_health (2)
DROP POLICY IF EXISTS "Anyone can view service health" ON monitoring_service_health;
CREATE POLICY "Anyone can view service health" ON monitoring_service_health
  FOR SELECT USING (auth.uid() IS NOT NULL);

DROP POLICY IF EXISTS "Service accounts can insert health" ON monitoring_service_health;
CREATE POLICY "Service accounts can insert health" ON monitoring_service_health
  FOR INSERT WITH CHECK (auth.role() IN ('service_role', 'authenticated'));

-- =============================================================================
-- 9. Storage buckets (4) — no size or MIME limits, as in production
-- =============================================================================
INSERT INTO storage.buckets (id, name, public)
VALUES ('payment-proofs', 'payment-proofs', false)
ON CONFLICT (id) DO NOTHING;

INSERT INTO storage.buckets (id, name, public)
VALUES
  ('profile-images', 'profile-images', true),
  ('order-images', 'order-images', true),
  ('export-files', 'export-files', false)
ON CONFLICT (id) DO NOTHING;

-- =============================================================================
-- 10. Policies on storage.objects (8)
-- The payment-proofs read policy only checks for a logged-in user, so any user can
-- read every buyer's proof; "…for own orders" checks no ownership. Both kept.
-- =============================================================================
DROP POLICY IF EXISTS "Order owners can view payment proofs" ON storage.objects;
CREATE POLICY "Order owners can view payment proofs" ON storage.objects
  FOR SELECT USING (bucket_id = 'payment-proofs' AND auth.role() = 'authenticated');

DROP POLICY IF EXISTS "Anyone can upload payment proofs" ON storage.objects;
CREATE POLICY "Anyone can upload payment proofs" ON storage.objects
  FOR INSERT WITH CHECK (bucket_id = 'payment-proofs' AND auth.role() = 'authenticated');

DROP POLICY IF EXISTS "Service role can manage payment proofs" ON storage.objects;
CREATE POLICY "Service role can manage payment proofs" ON storage.objects
  FOR ALL USING (bucket_id = 'payment-proofs' AND auth.role() = 'service_role');

DROP POLICY IF EXISTS "Users can upload own profile images" ON storage.objects;
CREATE POLICY "Users can upload own profile images" ON storage.objects
  FOR INSERT WITH CHECK (
    bucket_id = 'profile-images'
    AND auth.uid()::text = (storage.foldername(name))[1]
  );

DROP POLICY IF EXISTS "Anyone can view profile images" ON storage.objects;
CREATE POLICY "Anyone can view profile images" ON storage.objects
  FOR SELECT USING (bucket_id = 'profile-images');

DROP POLICY IF EXISTS "Users can upload order images for own orders" ON storage.objects;
CREATE POLICY "Users can upload order images for own orders" ON storage.objects
  FOR INSERT WITH CHECK (bucket_id = 'order-images' AND auth.role() = 'authenticated');

DROP POLICY IF EXISTS "Anyone can view order images" ON storage.objects;
CREATE POLICY "Anyone can view order images" ON storage.objects
  FOR SELECT USING (bucket_id = 'order-images');

DROP POLICY IF EXISTS "Users can download own export files" ON storage.objects;
CREATE POLICY "Users can download own export files" ON storage.objects
  FOR SELECT USING (
    bucket_id = 'export-files'
    AND auth.uid()::text = (storage.foldername(name))[1]
  );

-- =============================================================================
-- 11. Seed rows: notification templates (8); subject and html_content stay NULL
-- =============================================================================
INSERT INTO notification_templates (type, channel, language, title, message, variables)
VALUES
  ('order_created', 'websocket', 'en',
   'Order Created',
   'Your order "{{orderTitle}}" has been created.',
   ARRAY['orderTitle', 'orderId']),
  ('order_goal_reached', 'websocket', 'en',
   'Order Goal Reached! 🎉',
   '"{{orderTitle}}" has reached its minimum order quantity!',
   ARRAY['orderTitle', 'orderId', 'currentQuantity', 'minQuantity']),
  ('submission_payment_confirmed', 'websocket', 'en',
   'Payment Confirmed ✅',
   'Your payment for "{{orderTitle}}" has been confirmed.',
   ARRAY['orderTitle', 'orderId', 'amount', 'currency']),
  ('order_deadline_approaching', 'push', 'en',
   'Order Deadline Approaching ⏰',
   '"{{orderTitle}}" closes in {{timeRemaining}}. Submit your order before the deadline!',
   ARRAY['orderTitle', 'orderId', 'timeRemaining']),
  ('submission_payment_required', 'push', 'en',
   'Payment Required 💳',
   'Please complete your payment for "{{orderTitle}}" within 24 hours.',
   ARRAY['orderTitle', 'orderId', 'amount', 'currency']),
  ('new_order_recommendation', 'push', 'en',
   'New Order Available 🛍️',
   'A new {{category}} order is now available. Check it out!',
   ARRAY['category', 'orderTitle', 'orderId']),
  ('submission_payment_confirmed', 'email', 'en',
   'Payment Confirmed',
   'Your payment for "{{orderTitle}}" has been confirmed. Thank you for your order!',
   ARRAY['orderTitle', 'orderId', 'buyerName', 'amount', 'currency', 'paymentReference', 'quantity', 'orderUrl']),
  ('order_completed', 'email', 'en',
   'Order Completed',
   '"{{orderTitle}}" is complete and is now moving to fulfilment.',
   ARRAY['orderTitle', 'orderId', 'buyerName', 'deliveryInfo'])
ON CONFLICT (type, channel, language) DO NOTHING;

-- =============================================================================
-- 12. Views (3)
-- No security_invoker, as in production: they run with the owner's rights and so
-- bypass RLS (order_summaries shows every GOM's orders and revenue to anon).
-- Kept on purpose.
-- =============================================================================
CREATE OR REPLACE VIEW order_summaries AS
SELECT
  o.*,
  p.name AS user_name,
  p.username,
  COALESCE(s.total_submissions, 0) AS total_submissions,
  COALESCE(s.pending_submissions, 0) AS pending_submissions,
  COALESCE(s.paid_submissions, 0) AS paid_submissions,
  COALESCE(s.total_quantity, 0) AS total_quantity,
  COALESCE(s.total_revenue, 0) AS total_revenue,
  COALESCE(s.pending_revenue, 0) AS pending_revenue,
  CASE
    WHEN o.deadline < now() THEN 'expired'
    WHEN o.is_active = false THEN 'closed'
    WHEN COALESCE(s.total_quantity, 0) >= o.min_orders THEN 'active'
    ELSE 'collecting'
  END AS order_status
FROM orders o
JOIN profiles p ON p.user_id = o.user_id
LEFT JOIN LATERAL (
  SELECT
    COUNT(*) AS total_submissions,
    COUNT(*) FILTER (WHERE sub.status = 'pending') AS pending_submissions,
    COUNT(*) FILTER (WHERE sub.status = 'paid') AS paid_submissions,
    SUM(sub.quantity) AS total_quantity,
    SUM(sub.total_amount) FILTER (WHERE sub.status = 'paid') AS total_revenue,
    SUM(sub.total_amount) FILTER (WHERE sub.status = 'pending') AS pending_revenue
  FROM submissions sub
  WHERE sub.order_id = o.id
) s ON true;

-- Adapted: production selects total_time/mean_time, which PG 13 renamed, so its
-- CREATE VIEW fails on PG 13-18. pg_stat_statements is found through search_path
-- (Supabase and the shim keep it in `extensions`; plain installs may have it in public).
CREATE OR REPLACE VIEW slow_queries AS
SELECT
  query,
  calls,
  total_exec_time,
  mean_exec_time,
  rows,
  100.0 * shared_blks_hit / NULLIF(shared_blks_hit + shared_blks_read, 0) AS hit_percent
FROM pg_stat_statements
ORDER BY mean_exec_time DESC
LIMIT 20;

CREATE OR REPLACE VIEW connection_stats AS
SELECT
  state,
  COUNT(*) AS connection_count,
  AVG(EXTRACT(EPOCH FROM (now() - query_start))) AS avg_duration_seconds
FROM pg_stat_activity
WHERE state IS NOT NULL
GROUP BY state
ORDER BY connection_count DESC;

-- =============================================================================
-- 13. Table comments (31)
-- =============================================================================
COMMENT ON TABLE profiles IS 'One row per group-order manager (GOM) account; 1:1 with a Supabase Auth user';
COMMENT ON TABLE orders IS 'A group order opened by a GOM for a product or merch bundle';
COMMENT ON TABLE submissions IS 'One buyer''s entry in a group order (quantity, amount, payment state)';
COMMENT ON TABLE payment_transactions IS 'Payment-gateway records for a submission (PayMongo / Billplz)';
COMMENT ON TABLE platform_connections IS 'A GOM''s link to a WhatsApp/Telegram/Discord group, channel or webhook';
COMMENT ON TABLE messages IS 'Messages sent to a buyer (per submission) over a messaging platform';
COMMENT ON TABLE platform_posts IS 'Posts that advertise an order on a platform';
COMMENT ON TABLE notifications IS 'Notification events addressed to a user';
COMMENT ON TABLE notification_preferences IS 'Per-user channel switches (one row per user, created automatically when a profile is inserted)';
COMMENT ON TABLE user_devices IS 'Push-notification (FCM) tokens, one row per user and device';
COMMENT ON TABLE notification_templates IS 'Message templates keyed by type, channel and language';
COMMENT ON TABLE notification_deliveries IS 'Per-channel delivery tracking for a notification';
COMMENT ON TABLE analytics_events IS 'Raw analytics events from all platforms';
COMMENT ON TABLE analytics_aggregations IS 'Pre-computed metric values per time bucket';
COMMENT ON TABLE analytics_reports IS 'Generated reports';
COMMENT ON TABLE analytics_alerts IS 'Metric alert configurations';
COMMENT ON TABLE analytics_export_jobs IS 'Data-export job tracking';
COMMENT ON TABLE analytics_dashboards IS 'Dashboard configurations (public, owner or shared-with list)';
COMMENT ON TABLE analytics_user_sessions IS 'User sessions for engagement metrics';
COMMENT ON TABLE analytics_funnels IS 'Conversion-funnel definitions';
COMMENT ON TABLE analytics_cohorts IS 'Cohort-analysis results';
COMMENT ON TABLE analytics_segments IS 'User-segment definitions';
COMMENT ON TABLE analytics_ab_tests IS 'A/B test configurations and results';
COMMENT ON TABLE monitoring_metrics IS 'Time series of system and service metrics';
COMMENT ON TABLE monitoring_alerts IS 'Alerts raised, with status';
COMMENT ON TABLE monitoring_logs IS 'Application log lines from all services';
COMMENT ON TABLE monitoring_dashboards IS 'Custom monitoring dashboards';
COMMENT ON TABLE monitoring_notifications IS 'Notifications sent for an alert';
COMMENT ON TABLE monitoring_service_health IS 'Health-check snapshots per service';
COMMENT ON TABLE monitoring_alert_rules IS 'Alert rule definitions';
COMMENT ON TABLE monitoring_downtimes IS 'Planned and unplanned downtime records';

-- =============================================================================
-- Realtime publication. Not in PRODUCTION_COMPLETE_SCHEMA.sql: GOMFLOW's analytics
-- and monitoring migrations add these 6 tables to supabase_realtime
-- (gomflow-analytics/migrations/analytics_schema.sql:520-522,
-- gomflow-monitoring/migrations/monitoring_schema.sql:405-407); orders and
-- submissions are not published. Guarded so that a second run changes nothing.
-- =============================================================================
DO $$
DECLARE
  t text;
BEGIN
  IF EXISTS (SELECT FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
    FOREACH t IN ARRAY ARRAY['analytics_events', 'analytics_aggregations', 'analytics_reports',
                             'monitoring_alerts', 'monitoring_service_health', 'monitoring_notifications'] LOOP
      IF NOT EXISTS (SELECT FROM pg_publication_tables WHERE pubname = 'supabase_realtime' AND schemaname = 'public' AND tablename = t) THEN
        EXECUTE format('ALTER PUBLICATION supabase_realtime ADD TABLE public.%I', t);
      END IF;
    END LOOP;
  END IF;
END
$$;

-- =============================================================================
-- 14. Statistics, as production's file ends (ANALYZE is allowed in a transaction)
-- =============================================================================

ANALYZE profiles;
ANALYZE orders;
ANALYZE submissions;
ANALYZE payment_transactions;
ANALYZE platform_connections;
ANALYZE messages;
ANALYZE platform_posts;
ANALYZE notifications;
ANALYZE notification_preferences;
ANALYZE user_devices;
ANALYZE notification_templates;
ANALYZE notification_deliveries;
ANALYZE analytics_events;
ANALYZE analytics_aggregations;
ANALYZE analytics_reports;
ANALYZE analytics_alerts;
ANALYZE analytics_export_jobs;
ANALYZE analytics_dashboards;
ANALYZE analytics_user_sessions;
ANALYZE analytics_funnels;
ANALYZE analytics_cohorts;
ANALYZE analytics_segments;
ANALYZE analytics_ab_tests;
ANALYZE monitoring_metrics;
ANALYZE monitoring_alerts;
ANALYZE monitoring_logs;
ANALYZE monitoring_dashboards;
ANALYZE monitoring_notifications;
ANALYZE monitoring_service_health;
ANALYZE monitoring_alert_rules;
ANALYZE monitoring_downtimes;
