import { splitSqlStatements } from '../stack/schema/splitSqlStatements.ts';
import { API_ROLES, isApiRole } from '../stack/requestContext.ts';
import type { CatalogQuery, ParamClass } from './catalogQuery.ts';

const TEXT_KEYS = ['name', 'journey', 'roles', 'params', 'budget', 'shape', 'note'] as const;
const SAMPLER_KEYS = ['hot', 'typical', 'fixed'] as const satisfies readonly ParamClass[];
const KEYS: readonly string[] = [...TEXT_KEYS, ...SAMPLER_KEYS];

/**
 * Parses one catalog file: a header of `-- key: value` lines (a value continues on lines
 * indented by two or more spaces after `--`), then exactly one SQL statement. Throws an Error
 * naming the file and line; the header keys are documented in sql/queries/README.md.
 */
export function parseCatalogFile(text: string, file: string): CatalogQuery {
  const lines = text.split(/\r?\n/);
  const values = new Map<string, string[]>();
  let current: string | undefined;
  let body = 0;
  const fail = (line: number, reason: string) => new Error(`${file}:${line}: ${reason}`);
  for (; body < lines.length; body += 1) {
    const line = lines[body]!;
    if (line.trim() === '') {
      if (values.size === 0) continue;
      break;
    }
    if (!line.startsWith('--')) break;
    const continuation = /^--(?: {2,}|\t)(.*)$/.exec(line);
    const entry = /^-- ([a-z]+):(?: (.*))?$/.exec(line);
    if (continuation && current) values.get(current)!.push(continuation[1]!.trim());
    else if (entry) {
      const key = entry[1]!;
      if (!KEYS.includes(key)) throw fail(body + 1, `unknown header key '${key}'; expected one of ${KEYS.join(', ')}`);
      if (values.has(key) && key !== 'note') throw fail(body + 1, `header key '${key}' given twice`);
      current = key;
      values.set(key, [...(values.get(key) ?? []), (entry[2] ?? '').trim()]);
    } else if (line.trim() === '--') current = undefined;
    else throw fail(body + 1, `expected '-- key: value' or a continuation line indented by two spaces, got '${line.slice(0, 60)}'`);
  }
  const joinText = (key: string) => values.get(key)?.filter(Boolean).join(' ');
  const name = joinText('name');
  const journey = joinText('journey');
  const rolesText = joinText('roles');
  if (!name || !journey || !rolesText) throw fail(1, 'the header needs name, journey and roles');
  const base = file.replace(/^.*[\\/]/, '').replace(/\.sql$/, '');
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw fail(1, `name '${name}' must be lower-case letters, digits and _`);
  if (name !== base) throw fail(1, `name '${name}' must match the file name '${base}.sql'`);
  const roles = list(rolesText).map((role) => {
    if (!isApiRole(role)) throw fail(1, `unknown role '${role}'; expected ${API_ROLES.join(', ')}`);
    return role;
  });
  if (new Set(roles).size !== roles.length) throw fail(1, 'a role is listed twice');
  const params = list(joinText('params') ?? '');
  for (const param of params) if (!/^[a-z_][a-z0-9_]*$/.test(param)) throw fail(1, `parameter '${param}' must be a lower-case identifier`);
  const samplers: Partial<Record<ParamClass, string>> = {};
  for (const key of SAMPLER_KEYS) {
    const sql = values.get(key)?.filter(Boolean).join('\n');
    if (sql) samplers[key] = sql;
  }
  if (params.length > 0 && Object.keys(samplers).length === 0) throw fail(1, 'parameters need a sampling query (hot, typical or fixed)');
  if (params.length === 0 && Object.keys(samplers).length > 0) throw fail(1, 'sampling queries are given but no params');

  const sql = statementOf(lines.slice(body).join('\n'), (reason) => fail(body + 1, reason));
  const highest = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
  if (highest !== params.length) throw fail(body + 1, `the statement uses $1..$${highest} but the header names ${params.length} parameter(s)`);
  // A request URL broken before '&' continues without a space.
  const shape = joinText('shape')?.replace(/ &/g, '&');
  const note = joinText('note');
  return {
    name,
    file,
    journey,
    roles,
    params,
    samplers,
    budget: parseBudget(joinText('budget'), (reason) => fail(1, reason)),
    ...(shape ? { shape } : {}),
    ...(note ? { note } : {}),
    sql,
  };
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function statementOf(text: string, fail: (reason: string) => Error): string {
  const statements = splitSqlStatements(text);
  if (statements.length !== 1) throw fail(`expected exactly one SQL statement after the header, found ${statements.length}`);
  return statements[0]!.sql.replace(/;\s*$/, '').trim();
}

/** `p95=200 max=2000` (ms; `ms` suffix allowed, comma or space separated). */
function parseBudget(text: string | undefined, fail: (reason: string) => Error): CatalogQuery['budget'] {
  if (!text) return {};
  const budget: CatalogQuery['budget'] = {};
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const match = /^(p95|max)=(\d+(?:\.\d+)?)(?:ms)?$/.exec(part);
    if (!match || Number(match[2]) <= 0) throw fail(`budget: expected 'p95=<ms>' and/or 'max=<ms>', got '${part}'`);
    budget[match[1] === 'p95' ? 'p95Ms' : 'maxMs'] = Number(match[2]);
  }
  return budget;
}
