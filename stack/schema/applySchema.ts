import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { GomflowError } from '../../core/errors.ts';
import { printableLine } from '../../core/printableLine.ts';
import { explainFailure } from './explainFailure.ts';
import { readSchemaFile } from './readSchemaFile.ts';
import { splitSqlScript, splitSqlStatements, type SqlNote } from './splitSqlStatements.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../../sql/schema/', import.meta.url));
const SHIM_FILE = '00-supabase-shim.sql';
const HARNESS_FILE = '01-harness.sql';
const GOMFLOW_FILE = '10-gomflow.sql';
const CONCURRENT_FILE = '20-gomflow-concurrent.sql';
const ADAPTATIONS_FILE = 'adaptations.json';

/** A statement of a user's schema file that the server rejected. */
export interface SchemaFailure {
  line: number;
  /** The statement's first 200 characters. */
  statement: string;
  /** The server's message, made one printable line (it can echo the file's text). */
  message: string;
  sqlState?: string;
  /** Why it failed, where the cause is a known trap (CONCURRENTLY in a transaction, renamed columns…). */
  hint?: string;
}

/** A change the bundled schema makes to production's file so it runs on current PostgreSQL. */
export interface Adaptation {
  object: string;
  kind: string;
  reason: string;
  original?: string;
  adapted?: string;
}

export type SchemaSource = 'bundled' | 'file' | 'empty';

export interface ApplyReport {
  source: SchemaSource;
  file?: string;
  shim: 'applied' | 'skipped';
  statements: number;
  failures: SchemaFailure[];
  /** Parts of the user's file not sent to the server: psql meta-commands, COPY … FROM stdin data. */
  skipped: SqlNote[];
  adaptations: Adaptation[];
}

export interface ApplyOptions {
  source: SchemaSource;
  /** The user's schema file, with source 'file'. */
  file?: string;
  /** False on a Supabase target, which has the real auth/storage schemas and roles. */
  withShim: boolean;
}

/** Applies the shim and then the bundled schema, a user's file, or nothing. Idempotent for the bundled schema. */
export async function applySchema(client: pg.Client, options: ApplyOptions): Promise<ApplyReport> {
  const userSql = options.source === 'file' ? readUserFile(options.file) : undefined;
  if (options.withShim) await runScript(client, SHIM_FILE, await readBundled(SHIM_FILE));
  await applyHarnessSchema(client);
  const report: ApplyReport = {
    source: options.source,
    ...(options.file ? { file: options.file } : {}),
    shim: options.withShim ? 'applied' : 'skipped',
    statements: 0,
    failures: [],
    skipped: [],
    adaptations: [],
  };
  if (options.source === 'bundled') {
    await runScript(client, GOMFLOW_FILE, `BEGIN;\n${await readBundled(GOMFLOW_FILE)}\nCOMMIT;`, 1);
    const concurrent = splitSqlStatements(await readBundled(CONCURRENT_FILE));
    for (const statement of concurrent) await runScript(client, CONCURRENT_FILE, statement.sql, statement.line - 1);
    await assertNoInvalidIndexes(client);
    report.adaptations = JSON.parse(await readBundled(ADAPTATIONS_FILE)) as Adaptation[];
    await recordAdaptations(client, report.adaptations);
  } else if (userSql !== undefined) {
    const result = await applyStatementByStatement(client, userSql);
    report.statements = result.statements;
    report.failures = result.failures;
    report.skipped = result.skipped;
  }
  return report;
}

/** Creates the harness's own schema (gomflow_loadtest) when missing; every command that records something calls it. */
export async function applyHarnessSchema(client: pg.Client): Promise<void> {
  await runScript(client, HARNESS_FILE, await readBundled(HARNESS_FILE));
}

/** Runs each statement on its own, as an SQL editor does, and carries on past failures. */
export async function applyStatementByStatement(client: pg.Client, sql: string): Promise<{ statements: number; failures: SchemaFailure[]; skipped: SqlNote[] }> {
  const { statements, skipped } = splitSqlScript(sql);
  const failures: SchemaFailure[] = [];
  for (const statement of statements) {
    try {
      await client.query(statement.sql);
    } catch (error) {
      const err = error as { message: string; code?: string };
      const hint = explainFailure(statement.sql, err);
      failures.push({
        line: statement.line,
        statement: statement.sql.slice(0, 200),
        message: printableLine(err.message),
        ...(err.code ? { sqlState: err.code } : {}),
        ...(hint ? { hint } : {}),
      });
    }
  }
  // A file that opened a transaction and failed inside it would leave the session aborted.
  await client.query('ROLLBACK').catch(() => undefined);
  return { statements: statements.length, failures, skipped };
}

async function runScript(client: pg.Client, name: string, sql: string, lineOffset = 0): Promise<void> {
  try {
    await client.query(sql);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const err = error as { message: string; position?: string };
    const line = err.position ? sql.slice(0, Number(err.position)).split('\n').length - lineOffset : undefined;
    throw new GomflowError('E_SCHEMA_FAILED', `sql/schema/${name}${line ? `:${line}` : ''} failed: ${err.message}`, { cause: error });
  }
}

/**
 * A concurrent build that failed once leaves an INVALID index that `IF NOT EXISTS` then skips
 * for ever (gomflow-schema.md §10.1), so a re-apply must not pass silently over one.
 */
async function assertNoInvalidIndexes(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT i.indisvalid ORDER BY 1`,
  );
  if (rows.length > 0) {
    const names = rows.map((row) => row.name).join(', ');
    throw new GomflowError('E_SCHEMA_FAILED', `index ${names} is INVALID (an earlier concurrent build failed); DROP INDEX ${names} and apply the schema again`);
  }
}

async function recordAdaptations(client: pg.Client, adaptations: Adaptation[]): Promise<void> {
  for (const a of adaptations) {
    await client.query(
      `INSERT INTO gomflow_loadtest.schema_adaptations (object, kind, reason, original, adapted)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (object) DO UPDATE SET kind = EXCLUDED.kind, reason = EXCLUDED.reason,
         original = EXCLUDED.original, adapted = EXCLUDED.adapted
       WHERE (schema_adaptations.kind, schema_adaptations.reason, schema_adaptations.original, schema_adaptations.adapted)
         IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.reason, EXCLUDED.original, EXCLUDED.adapted)`,
      [a.object, a.kind, a.reason, a.original ?? null, a.adapted ?? null],
    );
  }
}

function readBundled(name: string): Promise<string> {
  return readFile(path.join(SCHEMA_DIR, name), 'utf8');
}

function readUserFile(file: string | undefined): string {
  if (!file) throw new GomflowError('E_FILE_NOT_FOUND', 'no schema file given; pass the path of an .sql file to --schema');
  return readSchemaFile(process.cwd(), file).sql;
}
