/**
 * The pieces of PostgreSQL's lexical structure a statement splitter must step over whole:
 * comments, quoted strings and identifiers, dollar quotes. Each takes the offset where the
 * piece starts and returns the offset just after it.
 */

export function skipLineComment(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end === -1 ? text.length : end + 1;
}

/** Block comments nest in PostgreSQL, unlike in C. */
export function skipBlockComment(text: string, i: number): number {
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

/** E'…' strings take backslash escapes; standard strings do not. */
export function isEscapeString(text: string, quoteAt: number): boolean {
  const prefix = text[quoteAt - 1];
  return (prefix === 'E' || prefix === 'e') && !isIdentifierChar(text[quoteAt - 2]);
}

export function skipQuoted(text: string, i: number, quote: string, backslashEscapes: boolean): number {
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
export function dollarTagAt(text: string, i: number): string | undefined {
  if (isIdentifierChar(text[i - 1])) return undefined;
  const match = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
  return match ? match[0] : undefined;
}

export function skipDollarQuoted(text: string, i: number, tag: string): number {
  const end = text.indexOf(tag, i + tag.length);
  return end === -1 ? text.length : end + tag.length;
}

/** Offset of the first character that is neither whitespace nor comment, or -1 if none. */
export function firstCodeOffset(raw: string): number {
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

export function isIdentifierChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_]/.test(ch);
}
