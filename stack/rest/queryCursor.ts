import { queryParamError, type PgrstError } from './pgrstError.ts';
import type { FieldRef, JsonStep } from './queryTypes.ts';

/** Characters of an unquoted PostgREST identifier (PGR `pIdentifier`: letters, digits, `_`, `$`, spaces and dashes). */
const IDENTIFIER = /[\p{L}\p{N}_$ -]/u;

/**
 * A read position in one query-string value, with PostgREST's parse errors: the message
 * names the parameter and the column (1-based) where parsing stopped.
 */
export class QueryCursor {
  pos = 0;

  constructor(
    readonly text: string,
    /** `select parameter`, `filter`, `order`, `logic tree` … as in PGR's messages. */
    readonly what: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(length = 1): string {
    return this.text.slice(this.pos, this.pos + length);
  }

  accept(token: string): boolean {
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  expect(token: string): void {
    if (!this.accept(token)) throw this.fail(`expecting "${token}"`);
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos += 1;
  }

  fail(expecting: string): PgrstError {
    const found = this.done ? 'end of input' : `"${this.peek()}"`;
    return queryParamError(this.what, this.text, this.pos + 1, `unexpected ${found} ${expecting}`);
  }

  /** A field name: `"quoted"` (with `\"` escapes) or a run of identifier characters, trimmed. */
  name(): string {
    if (this.peek() === '"') return this.quoted();
    const start = this.pos;
    // A dash is part of a name unless it starts `->`: `data->key` is a JSON path.
    while (!this.done && IDENTIFIER.test(this.peek()) && this.peek(2) !== '->') this.pos += 1;
    const name = this.text.slice(start, this.pos).trim();
    if (!name) throw this.fail('expecting field name (* or [a..z0..9_$])');
    return name;
  }

  quoted(): string {
    this.expect('"');
    let value = '';
    while (!this.done && this.peek() !== '"') {
      if (this.peek() === '\\') this.pos += 1;
      value += this.peek();
      this.pos += 1;
    }
    this.expect('"');
    return value;
  }

  /** A field with its JSON path: `data->items->>0`. */
  fieldRef(): FieldRef {
    const name = this.name();
    const jsonPath: JsonStep[] = [];
    for (;;) {
      const arrow = this.accept('->>') ? '->>' : this.accept('->') ? '->' : undefined;
      if (!arrow) break;
      jsonPath.push({ arrow, key: this.name() });
    }
    return { name, jsonPath };
  }
}
