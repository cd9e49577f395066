-- 00-supabase-shim.sql — a minimal Supabase stand-in for plain PostgreSQL (15+).
--
-- GOMFLOW's schema (10-gomflow.sql) needs what every Supabase project already has:
-- the API roles, GoTrue's auth tables and the auth.uid()/auth.role()/auth.jwt() claim readers,
-- storage.buckets/objects with the path helpers, the `extensions` schema, and
-- Supabase's default grants. This file provides them for the `local` and `postgres`
-- targets. Every object is created only if it is missing and nothing existing is
-- replaced or altered (but the older auth.users of this shim itself, upgraded to
-- GoTrue's columns), so on a database that already has Supabase's objects it
-- changes nothing; only Supabase's default grants are (re)issued, and Supabase
-- already has them. A search_path is set on the database and the API roles only
-- where none is set yet.
-- The function bodies follow the definitions Supabase Auth and Supabase Storage
-- install. Run it as a superuser (pg_stat_statements is not a trusted extension).

SET search_path = "$user", public, extensions;

-- ---------------------------------------------------------------------------
-- Roles (as Supabase creates them; no passwords)
-- ---------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN
    CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticator') THEN
    CREATE ROLE authenticator LOGIN NOINHERIT;
  END IF;
END
$$;

DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
    IF NOT EXISTS (
      SELECT FROM pg_auth_members m
      WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = r)
        AND m.member = (SELECT oid FROM pg_roles WHERE rolname = 'authenticator')
    ) THEN
      EXECUTE format('GRANT %I TO authenticator', r);
    END IF;
  END LOOP;
END
$$;

-- ---------------------------------------------------------------------------
-- Schema `extensions` and the extensions Supabase pre-installs there
-- ---------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS extensions;

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA extensions;

-- search_path for later sessions: set only where none is set yet.
DO $$
DECLARE
  r text;
BEGIN
  IF NOT EXISTS (
    SELECT FROM pg_db_role_setting s
    WHERE s.setrole = 0
      AND s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND EXISTS (SELECT FROM unnest(s.setconfig) c WHERE c LIKE 'search_path=%')
  ) THEN
    EXECUTE format('ALTER DATABASE %I SET search_path = "$user", public, extensions',
                   current_database());
  END IF;

  FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service_role', 'authenticator'] LOOP
    IF NOT EXISTS (
      SELECT FROM pg_db_role_setting s
      WHERE s.setdatabase = 0
        AND s.setrole = (SELECT oid FROM pg_roles WHERE rolname = r)
        AND EXISTS (SELECT FROM unnest(s.setconfig) c WHERE c LIKE 'search_path=%')
    ) THEN
      EXECUTE format('ALTER ROLE %I SET search_path = "$user", public, extensions', r);
    END IF;
  END LOOP;
END
$$;

-- ---------------------------------------------------------------------------
-- Schema `auth`: GoTrue's auth.users and auth.identities
-- ---------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS auth;

-- auth.users with the 35 columns, defaults, checks and indexes GoTrue's migrations leave on a
-- Supabase project, created with its indexes only when the table is missing: an existing
-- auth.users (Supabase's own) is left exactly as it is. GoTrue scans the token columns into
-- Go strings, so a NULL there makes every sign-in of that user fail (supabase/auth#1940):
-- they must hold '' when unused.
DO $$
BEGIN
  IF to_regclass('auth.users') IS NULL THEN
    CREATE TABLE auth.users (
      instance_id                 uuid,
      id                          uuid NOT NULL CONSTRAINT users_pkey PRIMARY KEY,
      aud                         varchar(255),
      role                        varchar(255),
      email                       varchar(255),
      encrypted_password          varchar(255),
      email_confirmed_at          timestamptz,
      invited_at                  timestamptz,
      confirmation_token          varchar(255),
      confirmation_sent_at        timestamptz,
      recovery_token              varchar(255),
      recovery_sent_at            timestamptz,
      email_change_token_new      varchar(255),
      email_change                varchar(255),
      email_change_sent_at        timestamptz,
      last_sign_in_at             timestamptz,
      raw_app_meta_data           jsonb,
      raw_user_meta_data          jsonb,
      is_super_admin              boolean,
      created_at                  timestamptz,
      updated_at                  timestamptz,
      phone                       text DEFAULT NULL CONSTRAINT users_phone_key UNIQUE,
      phone_confirmed_at          timestamptz,
      phone_change                text DEFAULT '',
      phone_change_token          varchar(255) DEFAULT '',
      phone_change_sent_at        timestamptz,
      confirmed_at                timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
      email_change_token_current  varchar(255) DEFAULT '',
      email_change_confirm_status smallint DEFAULT 0
        CONSTRAINT users_email_change_confirm_status_check CHECK (email_change_confirm_status >= 0 AND email_change_confirm_status <= 2),
      banned_until                timestamptz,
      reauthentication_token      varchar(255) DEFAULT '',
      reauthentication_sent_at    timestamptz,
      is_sso_user                 boolean NOT NULL DEFAULT false,
      deleted_at                  timestamptz,
      is_anonymous                boolean NOT NULL DEFAULT false
    );
    CREATE UNIQUE INDEX users_email_partial_key ON auth.users (email) WHERE (is_sso_user = false);
    CREATE UNIQUE INDEX confirmation_token_idx ON auth.users (confirmation_token) WHERE confirmation_token !~ '^[0-9 ]*$';
    CREATE UNIQUE INDEX recovery_token_idx ON auth.users (recovery_token) WHERE recovery_token !~ '^[0-9 ]*$';
    CREATE UNIQUE INDEX email_change_token_new_idx ON auth.users (email_change_token_new) WHERE email_change_token_new !~ '^[0-9 ]*$';
    CREATE UNIQUE INDEX email_change_token_current_idx ON auth.users (email_change_token_current) WHERE email_change_token_current !~ '^[0-9 ]*$';
    CREATE UNIQUE INDEX reauthentication_token_idx ON auth.users (reauthentication_token) WHERE reauthentication_token !~ '^[0-9 ]*$';
    CREATE INDEX users_instance_id_idx ON auth.users (instance_id);
    CREATE INDEX users_is_anonymous_idx ON auth.users (is_anonymous);
  END IF;
END
$$;

-- A local cluster from before this file had GoTrue's auth.users holds the shim's 13-column
-- table: the missing columns are added, and the token columns of its rows set to '' as
-- GoTrue writes them. Only a table this shim made is touched (it lacks GoTrue's
-- `confirmation_token`); Supabase's own has every column and is never altered.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM information_schema.columns
                 WHERE table_schema = 'auth' AND table_name = 'users' AND column_name = 'confirmation_token') THEN
    ALTER TABLE auth.users
      ADD COLUMN invited_at timestamptz,
      ADD COLUMN confirmation_token varchar(255),
      ADD COLUMN confirmation_sent_at timestamptz,
      ADD COLUMN recovery_token varchar(255),
      ADD COLUMN recovery_sent_at timestamptz,
      ADD COLUMN email_change_token_new varchar(255),
      ADD COLUMN email_change varchar(255),
      ADD COLUMN email_change_sent_at timestamptz,
      ADD COLUMN is_super_admin boolean,
      ADD COLUMN phone text DEFAULT NULL CONSTRAINT users_phone_key UNIQUE,
      ADD COLUMN phone_confirmed_at timestamptz,
      ADD COLUMN phone_change text DEFAULT '',
      ADD COLUMN phone_change_token varchar(255) DEFAULT '',
      ADD COLUMN phone_change_sent_at timestamptz,
      ADD COLUMN confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
      ADD COLUMN email_change_token_current varchar(255) DEFAULT '',
      ADD COLUMN email_change_confirm_status smallint DEFAULT 0
        CONSTRAINT users_email_change_confirm_status_check CHECK (email_change_confirm_status >= 0 AND email_change_confirm_status <= 2),
      ADD COLUMN banned_until timestamptz,
      ADD COLUMN reauthentication_token varchar(255) DEFAULT '',
      ADD COLUMN reauthentication_sent_at timestamptz,
      ADD COLUMN deleted_at timestamptz,
      ADD COLUMN is_anonymous boolean NOT NULL DEFAULT false;
    UPDATE auth.users SET confirmation_token = '', recovery_token = '', email_change_token_new = '', email_change = '';
    CREATE UNIQUE INDEX confirmation_token_idx ON auth.users (confirmation_token) WHERE confirmation_token !~ '^[0-9 ]*$';
    CREATE UNIQUE INDEX recovery_token_idx ON auth.users (recovery_token) WHERE recovery_token !~ '^[0-9 ]*$';
    CREATE UNIQUE INDEX email_change_token_new_idx ON auth.users (email_change_token_new) WHERE email_change_token_new !~ '^[0-9 ]*$';
    CREATE UNIQUE INDEX email_change_token_current_idx ON auth.users (email_change_token_current) WHERE email_change_token_current !~ '^[0-9 ]*$';
    CREATE UNIQUE INDEX reauthentication_token_idx ON auth.users (reauthentication_token) WHERE reauthentication_token !~ '^[0-9 ]*$';
    CREATE INDEX users_instance_id_idx ON auth.users (instance_id);
    CREATE INDEX users_is_anonymous_idx ON auth.users (is_anonymous);
  END IF;
END
$$;

-- GoTrue finds users by lower(email) within the instance; Supabase's auth.users has this
-- index under this name, so on Supabase this changes nothing.
CREATE INDEX IF NOT EXISTS users_instance_id_email_idx ON auth.users (instance_id, lower(email));

-- auth.identities as GoTrue's migrations leave it: a password user has one `email` identity
-- whose provider_id is the user's id; GoTrue derives `email` from identity_data. Created only
-- when missing. A shim-era cluster's e-mail users get their identity as GoTrue's own backfill
-- migration gave them one.
DO $$
BEGIN
  IF to_regclass('auth.identities') IS NULL THEN
    CREATE TABLE auth.identities (
      provider_id     text NOT NULL,
      user_id         uuid NOT NULL CONSTRAINT identities_user_id_fkey REFERENCES auth.users (id) ON DELETE CASCADE,
      identity_data   jsonb NOT NULL,
      provider        text NOT NULL,
      last_sign_in_at timestamptz,
      created_at      timestamptz,
      updated_at      timestamptz,
      email           text GENERATED ALWAYS AS (lower(identity_data ->> 'email')) STORED,
      id              uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT identities_pkey PRIMARY KEY,
      CONSTRAINT identities_provider_id_provider_unique UNIQUE (provider_id, provider)
    );
    CREATE INDEX identities_email_idx ON auth.identities (email text_pattern_ops);
    CREATE INDEX identities_user_id_idx ON auth.identities (user_id);
    INSERT INTO auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
    SELECT u.id::text, u.id,
           jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', u.email_confirmed_at IS NOT NULL, 'phone_verified', false),
           'email', u.last_sign_in_at, u.created_at, u.updated_at
    FROM auth.users u
    WHERE u.email IS NOT NULL AND u.encrypted_password IS NOT NULL AND u.encrypted_password <> '';
  END IF;
END
$$;

-- Sessions and refresh tokens of the local /auth/v1 (stack/auth), with GoTrue's names and
-- keys: a session per sign-in, a chain of rotated refresh tokens per session, both removed
-- with their user. Like auth.users, each is created only when missing.
DO $$
BEGIN
  IF to_regtype('auth.aal_level') IS NULL THEN
    CREATE TYPE auth.aal_level AS ENUM ('aal1', 'aal2', 'aal3');
  END IF;

  IF to_regclass('auth.sessions') IS NULL THEN
    CREATE TABLE auth.sessions (
      id           uuid NOT NULL CONSTRAINT sessions_pkey PRIMARY KEY,
      user_id      uuid NOT NULL CONSTRAINT sessions_user_id_fkey REFERENCES auth.users (id) ON DELETE CASCADE,
      created_at   timestamptz,
      updated_at   timestamptz,
      factor_id    uuid,
      aal          auth.aal_level,
      not_after    timestamptz,
      refreshed_at timestamp without time zone,
      user_agent   text,
      ip           inet,
      tag          text
    );
    CREATE INDEX user_id_created_at_idx ON auth.sessions (user_id, created_at);
    CREATE INDEX sessions_not_after_idx ON auth.sessions (not_after DESC);
  END IF;

  IF to_regclass('auth.refresh_tokens') IS NULL THEN
    CREATE TABLE auth.refresh_tokens (
      instance_id uuid,
      id          bigserial CONSTRAINT refresh_tokens_pkey PRIMARY KEY,
      token       varchar(255) CONSTRAINT refresh_tokens_token_unique UNIQUE,
      user_id     varchar(255),
      revoked     boolean,
      created_at  timestamptz,
      updated_at  timestamptz,
      parent      varchar(255),
      session_id  uuid REFERENCES auth.sessions (id) ON DELETE CASCADE
    );
    CREATE INDEX refresh_tokens_instance_id_user_id_idx ON auth.refresh_tokens (instance_id, user_id);
    CREATE INDEX refresh_tokens_parent_idx ON auth.refresh_tokens (parent);
    CREATE INDEX refresh_tokens_session_id_revoked_idx ON auth.refresh_tokens (session_id, revoked);
    CREATE INDEX refresh_tokens_updated_at_idx ON auth.refresh_tokens (updated_at DESC);
  END IF;
END
$$;

-- The claim readers, as Supabase Auth defines them: the legacy per-claim GUC first,
-- then the `request.jwt.claims` JSON that PostgREST sets per request.
DO $do$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'auth' AND p.proname = 'uid' AND p.pronargs = 0) THEN
    CREATE FUNCTION auth.uid() RETURNS uuid
      LANGUAGE sql STABLE
    AS $fn$
      SELECT coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
      )::uuid
    $fn$;
  END IF;

  IF NOT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'auth' AND p.proname = 'role' AND p.pronargs = 0) THEN
    CREATE FUNCTION auth.role() RETURNS text
      LANGUAGE sql STABLE
    AS $fn$
      SELECT coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
      )::text
    $fn$;
  END IF;

  IF NOT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'auth' AND p.proname = 'jwt' AND p.pronargs = 0) THEN
    CREATE FUNCTION auth.jwt() RETURNS jsonb
      LANGUAGE sql STABLE
    AS $fn$
      SELECT coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
      )::jsonb
    $fn$;
  END IF;
END
$do$;

-- ---------------------------------------------------------------------------
-- Schema `storage`: buckets, objects and the path helpers
-- ---------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS storage;

-- As for auth.users: each table is created with its indexes only when it is missing.
-- (Current Supabase drops bucketid_objname for object versioning; it must not come back.)
DO $$
BEGIN
  IF to_regclass('storage.buckets') IS NULL THEN
    CREATE TABLE storage.buckets (
      id                 text NOT NULL PRIMARY KEY,
      name               text NOT NULL,
      owner              uuid,
      created_at         timestamptz DEFAULT now(),
      updated_at         timestamptz DEFAULT now(),
      public             boolean DEFAULT false,
      avif_autodetection boolean DEFAULT false,
      file_size_limit    bigint,
      allowed_mime_types text[],
      owner_id           text
    );
    CREATE UNIQUE INDEX bname ON storage.buckets (name);
    -- As on Supabase: RLS on and no policy, so only service_role (BYPASSRLS) manages buckets through the API.
    ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
  END IF;

  IF to_regclass('storage.objects') IS NULL THEN
    CREATE TABLE storage.objects (
      id               uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      bucket_id        text CONSTRAINT "objects_bucketId_fkey" REFERENCES storage.buckets (id),
      name             text,
      owner            uuid,
      created_at       timestamptz DEFAULT now(),
      updated_at       timestamptz DEFAULT now(),
      last_accessed_at timestamptz DEFAULT now(),
      metadata         jsonb,
      path_tokens      text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
      version          text,
      owner_id         text,
      user_metadata    jsonb
    );
    CREATE UNIQUE INDEX bucketid_objname ON storage.objects (bucket_id, name);
    -- Supabase ships storage.objects with RLS on; GOMFLOW's file never enables it.
    ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
  END IF;
END
$$;

DO $do$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'storage' AND p.proname = 'foldername') THEN
    CREATE FUNCTION storage.foldername(name text) RETURNS text[]
      LANGUAGE plpgsql IMMUTABLE
    AS $fn$
    DECLARE
      _parts text[];
    BEGIN
      SELECT string_to_array(name, '/') INTO _parts;
      RETURN _parts[1 : array_length(_parts, 1) - 1];
    END
    $fn$;
  END IF;

  IF NOT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'storage' AND p.proname = 'filename') THEN
    CREATE FUNCTION storage.filename(name text) RETURNS text
      LANGUAGE plpgsql
    AS $fn$
    DECLARE
      _parts text[];
    BEGIN
      SELECT string_to_array(name, '/') INTO _parts;
      RETURN _parts[array_length(_parts, 1)];
    END
    $fn$;
  END IF;

  IF NOT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'storage' AND p.proname = 'extension') THEN
    CREATE FUNCTION storage.extension(name text) RETURNS text
      LANGUAGE plpgsql IMMUTABLE
    AS $fn$
    DECLARE
      _parts text[];
      _filename text;
    BEGIN
      SELECT string_to_array(name, '/') INTO _parts;
      SELECT _parts[array_length(_parts, 1)] INTO _filename;
      RETURN reverse(split_part(reverse(_filename), '.', 1));
    END
    $fn$;
  END IF;
END
$do$;

-- ---------------------------------------------------------------------------
-- Supabase's default grants
-- ---------------------------------------------------------------------------
GRANT USAGE ON SCHEMA public, auth, storage, extensions TO anon, authenticated, service_role;

GRANT EXECUTE ON FUNCTION auth.uid(), auth.role(), auth.jwt()
  TO anon, authenticated, service_role;

GRANT ALL ON TABLE storage.buckets, storage.objects TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION storage.foldername(text), storage.filename(text), storage.extension(text)
  TO anon, authenticated, service_role;

-- This is what makes GOMFLOW's tables, views and functions reachable by the API roles.
GRANT ALL ON ALL TABLES IN SCHEMA public TO anon, authenticated, service_role;
GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO anon, authenticated, service_role;
GRANT ALL ON ALL FUNCTIONS IN SCHEMA public TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Realtime's publication: every Supabase project has it, empty until tables are
-- added; Realtime's postgres_changes read only the tables in it.
-- ---------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
    CREATE PUBLICATION supabase_realtime;
  END IF;
END
$$;
