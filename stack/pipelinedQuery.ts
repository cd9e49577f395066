import pg from 'pg';

/** A named statement: each connection parses it once, then only binds and executes it. */
export interface NamedStatement {
  name: string;
  text: string;
  values?: readonly unknown[];
}

/**
 * The parts of node-postgres's Connection a Submittable writes to. `parsedStatements` is the
 * client's own per-connection record of prepared names (client.query reads it too), so a name
 * prepared here is not parsed again there, and the other way round.
 */
interface WireConnection {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
  parse(message: { name: string; text: string; types: string[] }): void;
  bind(message: { statement: string; values: readonly unknown[]; valueMapper: (value: unknown) => unknown }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  sync(): void;
  sendCopyFail(message: string): void;
  on(event: 'parseComplete', listener: () => void): void;
  off(event: 'parseComplete', listener: () => void): void;
}

/** What pg.Result does that its type declarations leave out. */
interface ResultBuilder<R> {
  rows: R[];
  addFields(fields: unknown[]): void;
  parseRow(values: unknown[]): R;
  addRow(row: R): void;
}

// The same value conversion client.query applies (dates, arrays, JSON, buffers).
const { prepareValue } = (pg as unknown as { utils: { prepareValue: (value: unknown) => unknown } }).utils;

/**
 * A node-postgres Submittable that sends several named statements as Parse/Bind/Execute
 * messages followed by ONE Sync: one round trip instead of one per statement. The server runs
 * them in order; after an error it skips to the Sync, so a failed statement stops the rest (a
 * transaction opened by an earlier one is left failed: the caller ends it). `done` settles
 * with the rows of the statement at `rowsOf`, or with the first error exactly as client.query
 * gives it (the server's DatabaseError with its SQLSTATE, or the client's connection error).
 */
export class PipelinedQuery<R = Record<string, unknown>> {
  readonly done: Promise<R[]>;
  private resolve!: (rows: R[]) => void;
  private reject!: (error: unknown) => void;
  private settled = false;
  /** Statements answered so far (CommandComplete or EmptyQueryResponse). */
  private answered = 0;
  private readonly result = new pg.Result('', pg.types) as unknown as ResultBuilder<R>;
  private rowError: unknown;
  /** Names parsed by this pipeline still waiting for their ParseComplete, in the order sent. */
  private readonly parsing: NamedStatement[] = [];
  private wire: WireConnection | undefined;
  private listening = false;

  constructor(
    private readonly statements: readonly NamedStatement[],
    private readonly rowsOf: number,
  ) {
    this.done = new Promise<R[]>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: pg.Connection): Error | null {
    const wire = connection as unknown as WireConnection;
    for (const { name, text } of this.statements) {
      const previous = wire.parsedStatements[name] ?? wire.submittedNamedStatements[name];
      // Returned before anything is written: the client reports it and the connection stays idle.
      if (previous !== undefined && previous !== text) return new Error(`Prepared statements must be unique - '${name}' was used for a different statement`);
    }
    this.wire = wire;
    wire.stream.cork?.();
    try {
      for (const [index, statement] of this.statements.entries()) {
        if (wire.parsedStatements[statement.name] === undefined && wire.submittedNamedStatements[statement.name] === undefined) {
          wire.parse({ name: statement.name, text: statement.text, types: [] });
          wire.submittedNamedStatements[statement.name] = statement.text;
          this.parsing.push(statement);
        }
        wire.bind({ statement: statement.name, values: statement.values ?? [], valueMapper: prepareValue });
        // Only the statement whose rows are wanted is described; the others' rows are skipped unparsed.
        if (index === this.rowsOf) wire.describe({ type: 'P', name: '' });
        wire.execute({ portal: '', rows: 0 });
      }
    } catch (error) {
      // A value that cannot be serialised: nothing of its Bind was written, what was runs up to
      // the Sync below, and the request fails with this error (the caller ends the transaction).
      this.settle(error);
    } finally {
      wire.sync();
      wire.stream.uncork?.();
    }
    // The client does not forward ParseComplete to a Submittable; the cache must only hold what the server prepared.
    this.listening = this.parsing.length > 0;
    if (this.listening) wire.on('parseComplete', this.onParseComplete);
    return null;
  }

  private readonly onParseComplete = () => {
    const parsed = this.parsing.shift();
    if (!parsed || !this.wire) return;
    this.wire.parsedStatements[parsed.name] = parsed.text;
    delete this.wire.submittedNamedStatements[parsed.name];
  };

  handleRowDescription(message: { fields: unknown[] }): void {
    if (this.answered === this.rowsOf) this.result.addFields(message.fields);
  }

  handleDataRow(message: { fields: unknown[] }): void {
    if (this.answered !== this.rowsOf || this.rowError !== undefined) return;
    try {
      this.result.addRow(this.result.parseRow(message.fields));
    } catch (error) {
      // A type parser failed; reported once the pipeline is over, as client.query does.
      this.rowError = error;
    }
  }

  handleCommandComplete(): void {
    this.answered++;
  }

  handleEmptyQuery(): void {
    this.answered++;
  }

  /** The server's ErrorResponse (it then skips to the Sync), or the connection failing. */
  handleError(error: unknown): void {
    this.stopTracking();
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.stopTracking();
    this.settle(this.rowError, this.result.rows);
  }

  // The client calls these whatever the statement; a COPY has no place in a request.
  handleCopyInResponse(connection: pg.Connection): void {
    (connection as unknown as WireConnection).sendCopyFail('COPY is not supported in a pipelined request');
  }

  handleCopyData(): void {}

  private stopTracking(): void {
    if (!this.wire) return;
    if (this.listening) this.wire.off('parseComplete', this.onParseComplete);
    // Parses the server skipped after an error were never prepared.
    for (const skipped of this.parsing.splice(0)) delete this.wire.submittedNamedStatements[skipped.name];
    this.wire = undefined;
  }

  private settle(error: unknown, rows?: R[]): void {
    if (this.settled) return;
    this.settled = true;
    if (error !== undefined) this.reject(error);
    else this.resolve(rows ?? []);
  }
}
