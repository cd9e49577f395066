import { printableLine } from '../../core/printableLine.ts';
import { dollarTagAt, firstCodeOffset, isEscapeString, isIdentifierChar, skipBlockComment, skipDollarQuoted, skipLineComment, skipQuoted } from './sqlLexing.ts';

/** One statement of an SQL file, with the 1-based line it starts on. */
export interface SqlStatement {
  sql: string;
  line: number;
}

/** Something of the file that is not sent to the server, and why, e.g. "skipped psql meta-command \restrict". */
export interface SqlNote {
  line: number;
  text: string;
}

export interface SqlScript {
  statements: SqlStatement[];
  skipped: SqlNote[];
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const META_COMMAND = /\\([A-Za-z]+|\S?)/y;
const COPY_FROM_STDIN = /^COPY\s+([^\s(]+)[\s\S]*\bFROM\s+STDIN\b/i;

/** The statements of an SQL text; see splitSqlScript. */
export function splitSqlStatements(text: string): SqlStatement[] {
  return splitSqlScript(text).statements;
}

/**
 * Splits an SQL file into statements the way psql does: at semicolons outside quotes, dollar
 * quotes, comments and parentheses (`CREATE RULE … DO (a; b)`), and outside the
 * `BEGIN ATOMIC … END` body of a CREATE FUNCTION or PROCEDURE. What only psql understands is
 * skipped with a note: meta-commands (`\connect`, pg_dump's `\restrict`) and the data lines of
 * `COPY … FROM stdin`. Written by hand because a parser would reject the whole file on one bad
 * statement, while a user's file must be applied statement by statement.
 */
export function splitSqlScript(text: string): SqlScript {
  const script: SqlScript = { statements: [], skipped: [] };
  const lineOf = lineCounter(text);
  let start = 0;
  let i = 0;
  let parens = 0;
  let atomic = 0;
  let words: string[] = [];
  /** Ends the statement running from `start` to `end`; returns where the next one may begin. */
  const finish = (end: number): number => {
    const raw = text.slice(start, end);
    const offset = firstCodeOffset(raw);
    parens = 0;
    atomic = 0;
    words = [];
    if (offset === -1) return end;
    const statement = { sql: raw.slice(offset).trim(), line: lineOf(start + offset) };
    const copy = COPY_FROM_STDIN.exec(statement.sql);
    if (!copy) {
      script.statements.push(statement);
      return end;
    }
    const data = skipCopyData(text, end);
    script.skipped.push({ line: statement.line, text: `skipped COPY ${printableLine(copy[1]!).slice(0, 80)} FROM stdin and its ${data.lines} data lines` });
    return data.end;
  };
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '-' && next === '-') i = skipLineComment(text, i);
    else if (ch === '/' && next === '*') i = skipBlockComment(text, i);
    else if (ch === "'") i = skipQuoted(text, i, "'", isEscapeString(text, i));
    else if (ch === '"') i = skipQuoted(text, i, '"', false);
    else if (ch === '$' && dollarTagAt(text, i)) i = skipDollarQuoted(text, i, dollarTagAt(text, i)!);
    else if (ch === '(' || ch === ')') {
      parens = Math.max(0, parens + (ch === '(' ? 1 : -1));
      i += 1;
    } else if (ch === ';' && parens === 0 && atomic === 0) {
      start = i = finish(i + 1);
    } else if (ch === '\\') {
      // A meta-command runs to the end of its line; psql would run what came before it first.
      META_COMMAND.lastIndex = i;
      const command = META_COMMAND.exec(text)![0];
      finish(i);
      const line = lineOf(i);
      script.skipped.push({ line, text: `skipped psql meta-command ${printableLine(command)}` });
      start = i = skipLineComment(text, i);
    } else if (/[A-Za-z_]/.test(ch) && !isIdentifierChar(text[i - 1])) {
      WORD.lastIndex = i;
      const word = WORD.exec(text)![0];
      if (words.length < 4) words.push(word.toLowerCase());
      if (parens === 0 && isRoutineHeader(words)) atomic = atomicDepth(atomic, word.toLowerCase());
      i += word.length;
    } else i += 1;
  }
  finish(text.length);
  return script;
}

/** CREATE [OR REPLACE] FUNCTION|PROCEDURE: the statements whose body may be BEGIN ATOMIC … END. */
function isRoutineHeader(words: readonly string[]): boolean {
  const routine = (word: string | undefined) => word === 'function' || word === 'procedure';
  return words[0] === 'create' && (routine(words[1]) || (words[1] === 'or' && words[2] === 'replace' && routine(words[3])));
}

/** psql's rule: BEGIN opens, END closes, and a CASE inside the body opens another level, since it too ends with END. */
function atomicDepth(depth: number, word: string): number {
  if (word === 'begin') return depth + 1;
  if (word === 'case') return depth > 0 ? depth + 1 : depth;
  if (word === 'end') return Math.max(0, depth - 1);
  return depth;
}

/** COPY data starts on the line after the statement and ends at a line holding only `\.`. */
function skipCopyData(text: string, from: number): { end: number; lines: number } {
  let lineStart = skipLineComment(text, from);
  let lines = 0;
  while (lineStart < text.length) {
    const lineEnd = skipLineComment(text, lineStart);
    if (text.slice(lineStart, lineEnd).trimEnd() === '\\.') return { end: lineEnd, lines };
    lines += 1;
    lineStart = lineEnd;
  }
  return { end: text.length, lines };
}

/** Line numbers of increasing offsets, counted once through the text (a dump can be megabytes). */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) [at, line] = [0, 1];
    for (; at < offset; at += 1) if (text.charCodeAt(at) === 10) line += 1;
    return line;
  };
}
