import type pg from 'pg';
import { GomflowError } from '../core/errors.ts';
import { splitSqlStatements } from '../stack/schema/splitSqlStatements.ts';
import { INTERNAL_MARK } from './sampleParams.ts';

/** A candidate fix, ready to apply inside a transaction that is rolled back. */
export interface WhatIf {
  /** The file, as given, for messages and findings. */
  file: string;
  statements: { sql: string; line: number }[];
  /** What was changed so it runs in a transaction (CONCURRENTLY dropped). */
  notes: string[];
  /** Relations, indexes and functions the fix touches; 'all' when a statement's reach is unknown (SET, DO …). */
  targets: Set<string> | 'all';
  /** Indexes the fix drops, whose tables are looked up before applying. */
  droppedIndexes: string[];
}

/** Statements a transaction block cannot hold: the what-if could not roll them back. */
const NOT_IN_TRANSACTION: [RegExp, string][] = [
  [/^(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE|PREPARE\s+TRANSACTION)\b/i, 'transaction control: the what-if runs the file inside its own transaction and rolls it back'],
  [/^VACUUM\b/i, 'VACUUM cannot run inside a transaction block'],
  [/^(CREATE|DROP|ALTER)\s+DATABASE\b/i, 'database-level statements cannot be rolled back'],
  [/^ALTER\s+SYSTEM\b/i, 'ALTER SYSTEM cannot run inside a transaction block'],
  [/^(CREATE|DROP)\s+TABLESPACE\b/i, 'tablespace statements cannot run inside a transaction block'],
  [/^REINDEX\b[\s\S]*\bCONCURRENTLY\b/i, 'REINDEX CONCURRENTLY cannot run inside a transaction block'],
  [/^(CREATE|DROP|ALTER)\s+SUBSCRIPTION\b/i, 'subscriptions cannot be rolled back'],
];

const NAME = String.raw`((?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?)`;
const TARGET_PATTERNS: RegExp[] = [
  new RegExp(String.raw`^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:${NAME}\s+)?ON\s+(?:ONLY\s+)?${NAME}`, 'i'),
  new RegExp(String.raw`^(?:CREATE|ALTER|DROP)\s+POLICY\s+(?:IF\s+EXISTS\s+)?(?:"[^"]+"|\S+)\s+ON\s+${NAME}`, 'i'),
  new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${NAME}`, 'i'),
  new RegExp(String.raw`^CREATE\s+STATISTICS\b[\s\S]*?\bFROM\s+${NAME}`, 'i'),
  new RegExp(String.raw`^CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+${NAME}\s*\(`, 'i'),
  new RegExp(String.raw`^DROP\s+FUNCTION\s+(?:IF\s+EXISTS\s+)?${NAME}`, 'i'),
  new RegExp(String.raw`^CREATE\s+(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+${NAME}`, 'i'),
];

/**
 * Reads a what-if file: splits it into statements, drops CONCURRENTLY from CREATE/DROP INDEX
 * (it cannot run in a transaction; the plain build ends in the same index), rejects what a
 * transaction cannot hold, and works out which relations and functions it touches. Pure.
 */
export function parseWhatIf(text: string, file: string): WhatIf {
  const statements: WhatIf['statements'] = [];
  const notes: string[] = [];
  const targets = new Set<string>();
  const droppedIndexes: string[] = [];
  let all = false;
  for (const statement of splitSqlStatements(text)) {
    let sql = statement.sql.replace(/;\s*$/, '');
    const code = stripLeadingComments(sql);
    for (const [pattern, reason] of NOT_IN_TRANSACTION) {
      if (pattern.test(code)) {
        throw new GomflowError('E_USAGE', `--what-if ${file}:${statement.line}: '${firstWords(code)}' cannot be tried: ${reason}; leave it out of the file`);
      }
    }
    if (/^(CREATE\s+(UNIQUE\s+)?|DROP\s+)INDEX\s+CONCURRENTLY\b/i.test(code)) {
      sql = sql.replace(/\bCONCURRENTLY\s+/i, '');
      notes.push(`${file}:${statement.line}: CONCURRENTLY dropped (it cannot run inside the what-if's transaction; the plain build gives the same index, but takes a lock that blocks writes while it runs)`);
    }
    const plain = stripLeadingComments(sql);
    const drop = /^DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?([\s\S]+?)(?:\s+(?:CASCADE|RESTRICT))?$/i.exec(plain);
    const analyze = /^ANALYZE\s+(?:VERBOSE\s+)?([\s\S]+)$/i.exec(plain);
    if (drop) {
      for (const name of drop[1]!.split(',')) droppedIndexes.push(bareName(name.trim()));
    } else if (analyze) {
      for (const part of analyze[1]!.replace(/\([^)]*\)/g, '').split(',')) targets.add(bareName(part.trim()));
    } else if (/^COMMENT\s+ON\b/i.test(plain)) {
      // Changes no plan.
    } else {
      const match = TARGET_PATTERNS.map((pattern) => pattern.exec(plain)).find(Boolean);
      if (match) targets.add(bareName(match[match.length - 1]!));
      else all = true;
    }
    statements.push({ sql, line: statement.line });
  }
  if (statements.length === 0) throw new GomflowError('E_USAGE', `--what-if ${file} holds no SQL statement`);
  for (const index of droppedIndexes) targets.add(index);
  return { file, statements, notes, targets: all ? 'all' : targets, droppedIndexes };
}

/** The what-if's targets plus the tables of the indexes it drops (looked up before they are gone). */
export async function resolveTargets(client: pg.Client, whatIf: WhatIf): Promise<Set<string> | 'all'> {
  if (whatIf.targets === 'all') return 'all';
  const targets = new Set(whatIf.targets);
  if (whatIf.droppedIndexes.length > 0) {
    const { rows } = await client.query<{ table: string }>(`${INTERNAL_MARK} SELECT tablename AS table FROM pg_indexes WHERE indexname = ANY($1::text[])`, [whatIf.droppedIndexes]);
    for (const row of rows) targets.add(row.table.toLowerCase());
  }
  return targets;
}

/** Public functions and the relations their bodies name, so a query calling one counts as touching them. */
export async function functionRelations(client: pg.Client): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ name: string; body: string }>(
    `${INTERNAL_MARK} SELECT p.proname AS name, p.prosrc AS body FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
  );
  const relations = (
    await client.query<{ name: string }>(`${INTERNAL_MARK} SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p')`)
  ).rows.map((row) => row.name);
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.name, relations.filter((relation) => new RegExp(`\\b${relation}\\b`, 'i').test(row.body)));
  return map;
}

/**
 * Whether a query is touched by the what-if: a target is among the relations and indexes its
 * plan used, named in its SQL, or read by a function it calls (or is that function). Pure.
 */
export function isAffected(targets: Set<string> | 'all', sql: string, planNames: readonly string[], functions: ReadonlyMap<string, readonly string[]>): boolean {
  if (targets === 'all') return true;
  const touched = new Set(planNames.map((name) => name.toLowerCase()));
  for (const [fn, relations] of functions) {
    if (new RegExp(`\\b${fn}\\s*\\(`, 'i').test(sql)) {
      touched.add(fn.toLowerCase());
      relations.forEach((relation) => touched.add(relation.toLowerCase()));
    }
  }
  for (const target of targets) {
    if (touched.has(target) || new RegExp(`\\b${target}\\b`, 'i').test(sql)) return true;
  }
  return false;
}

/**
 * Runs `work` with the what-if applied, in a transaction that is always rolled back: nothing
 * the file does survives. The statements run as the connecting user with no statement
 * timeout (an index build on a large table may take longer than the checklist's 30 s); the
 * timeout is restored before `work`, whose queries must run in a savepoint-scoped request context.
 */
export async function withWhatIf<T>(client: pg.Client, whatIf: WhatIf, work: () => Promise<T>): Promise<T> {
  const timeout = (await client.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0]!.statement_timeout;
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL statement_timeout = 0`);
    for (const statement of whatIf.statements) {
      try {
        await client.query(statement.sql);
      } catch (error) {
        throw new GomflowError('E_SCHEMA_FAILED', `--what-if ${whatIf.file}:${statement.line}: the server rejected '${firstWords(stripLeadingComments(statement.sql))}': ${(error as Error).message}; nothing was changed`, {
          cause: error,
        });
      }
    }
    await client.query(`SELECT set_config('statement_timeout', $1, true)`, [timeout]);
    return await work();
  } finally {
    await client.query('ROLLBACK');
  }
}

function stripLeadingComments(sql: string): string {
  return sql.replace(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, '').trim();
}

function bareName(name: string): string {
  const last = name.split('.').pop() ?? name;
  return last.replace(/^"|"$/g, '').toLowerCase();
}

function firstWords(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
