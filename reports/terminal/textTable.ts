/** One column of a terminal table. */
export interface TextColumn {
  /** Heading; when no column has one, the table prints no heading line. */
  header?: string;
  /** `right` for numbers, so their digits line up. Default `left`. */
  align?: 'left' | 'right';
  /** Longest a cell may be, characters; longer ones are cut with "…". */
  maxWidth?: number;
  /** When a line would be wider than the table's width, this column gives up the room (cells cut with "…"), down to minWidth. */
  shrink?: boolean;
  /** Narrowest a shrinking column gets, characters. Default 20. */
  minWidth?: number;
}

export interface TextTableOptions {
  /** Terminal columns a line may take; without it, lines are as long as their cells. */
  width?: number;
  /** Before every line. Default none. */
  indent?: string;
  /** Between two columns. Default two spaces. */
  gap?: string;
  /** Bold heading line. Off by default, so pipes, files and CI logs get no escape codes. */
  color?: boolean;
}

const BOLD = '\u001b[1m';
const NORMAL = '\u001b[22m';

/**
 * Rows under columns as aligned plain text, one line per row; a pure function. Layout is done
 * on the plain text and the only colour (a bold heading, when asked) is added after, so
 * widths never count escape codes.
 */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], options: TextTableOptions = {}): string {
  const { indent = '', gap = '  ', width } = options;
  // A row is one line: a line break inside a cell would tear the table apart.
  const body = rows.map((row) => columns.map((_, i) => (row[i] ?? '').replace(/[\r\n\t]+/g, ' ')));
  const hasHeader = columns.some((column) => column.header !== undefined);
  const widths = columns.map((column, i) => {
    const widest = Math.max(hasHeader ? (column.header ?? '').length : 0, ...body.map((cells) => cells[i]!.length));
    return Math.min(widest, column.maxWidth ?? Infinity);
  });
  if (width !== undefined) {
    let overflow = indent.length + widths.reduce((sum, w) => sum + w, 0) + gap.length * (columns.length - 1) - width;
    columns.forEach((column, i) => {
      if (!column.shrink || overflow <= 0) return;
      const narrower = Math.min(widths[i]!, Math.max(column.minWidth ?? 20, widths[i]! - overflow));
      overflow -= widths[i]! - narrower;
      widths[i] = narrower;
    });
  }
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, i) => {
        const text = cut(cell, widths[i]!);
        return columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
      })
      .join(gap)
      .trimEnd();
  const lines = body.map(line);
  if (hasHeader) {
    const heading = line(columns.map((column) => column.header ?? ''));
    lines.unshift(options.color ? `${BOLD}${heading}${NORMAL}` : heading);
  }
  return lines.join('\n');
}

function cut(text: string, room: number): string {
  return text.length > room ? `${text.slice(0, Math.max(room - 1, 0)).trimEnd()}…` : text;
}

/** Table options for a stream: its width, and colour only on a terminal that wants it (NO_COLOR, FORCE_COLOR). */
export function tableOptionsFor(stream: NodeJS.WriteStream): TextTableOptions {
  return { width: stream.columns, color: stream.isTTY === true && stream.hasColors() };
}
