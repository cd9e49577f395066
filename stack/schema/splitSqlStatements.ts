/** One statement of an SQL file, with the 1-based line it starts on. */
export interface SqlStatement {
  sql: string;
  line: number;
}

/**
 * Splits an SQL file into statements the way psql and SQL editors do: at semicolons outside
 * quotes, dollar quotes and comments. Written by hand because a parser would reject the whole
 * file on one bad statement, while a user's file must be applied statement by statement.
 */
export function splitSqlStatements(text: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '-' && next === '-') i = skipLineComment(text, i);
    else if (ch === '/' && next === '*') i = skipBlockComment(text, i);
    else if (ch === "'") i = skipQuoted(text, i, "'", isEscapeString(text, i));
    else if (ch === '"') i = skipQuoted(text, i, '"', false);
    else if (ch === '$' && dollarTagAt(text, i)) i = skipDollarQuoted(text, i, dollarTagAt(text, i)!);
    else if (ch === ';') {
      pushStatement(statements, text, start, i + 1);
      start = i + 1;
      i += 1;
    } else i += 1;
  }
  pushStatement(statements, text, start, text.length);
  return statements;
}

function pushStatement(statements: SqlStatement[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const offset = firstCodeOffset(raw);
  if (offset === -1) return;
  const line = countLines(text, start + offset);
  statements.push({ sql: raw.slice(offset).trim(), line });
}

/** Offset of the first character that is neither whitespace nor comment, or -1 if none. */
function firstCodeOffset(raw: string): number {
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (/\s/.test(ch)) i += 1;
    else if (ch === '-' && raw[i + 1] === '-') i = skipLineComment(raw, i);
    else if (ch === '/' && raw[i + 1] === '*') i = skipBlockComment(raw, i);
    else return ch === ';' ? -1 : i;
  }
  return -1;
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

function skipLineComment(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end === -1 ? text.length : end + 1;
}

/** Block comments nest in PostgreSQL, unlike in C. */
function skipBlockComment(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth += 1;
      i += 2;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return text.length;
}

function isEscapeString(text: string, quoteAt: number): boolean {
  const prefix = text[quoteAt - 1];
  return (prefix === 'E' || prefix === 'e') && !/[A-Za-z0-9_]/.test(text[quoteAt - 2] ?? '');
}

function skipQuoted(text: string, i: number, quote: string, backslashEscapes: boolean): number {
  i += 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslashEscapes && ch === '\\') i += 2;
    else if (ch === quote && text[i + 1] === quote) i += 2;
    else if (ch === quote) return i + 1;
    else i += 1;
  }
  return text.length;
}

/** The `$tag$` opening a dollar quote at i, if there is one (not a positional parameter like $1). */
function dollarTagAt(text: string, i: number): string | undefined {
  if (/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) return undefined;
  const match = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
  return match ? match[0] : undefined;
}

function skipDollarQuoted(text: string, i: number, tag: string): number {
  const end = text.indexOf(tag, i + tag.length);
  return end === -1 ? text.length : end + tag.length;
}
