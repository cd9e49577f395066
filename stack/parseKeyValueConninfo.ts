/**
 * Reads a libpq key=value connection string (`host=db port=5432 dbname=app password='a b'`):
 * keywords separated by whitespace, spaces allowed around `=`, a value either bare or in
 * single quotes, `\` escaping the next character in both. pg-connection-string reads only
 * URLs, so this is the one part of libpq's grammar we write ourselves.
 * Returns undefined when the text does not follow that grammar; it never echoes the text,
 * which may hold a password.
 */
export function parseKeyValueConninfo(text: string): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i += 1;
  };
  skipSpace();
  while (i < text.length) {
    const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0];
    if (!key) return undefined;
    i += key.length;
    skipSpace();
    if (text[i] !== '=') return undefined;
    i += 1;
    skipSpace();
    const value = readValue();
    if (value === undefined) return undefined;
    params[key.toLowerCase()] = value;
    skipSpace();
  }
  return Object.keys(params).length > 0 ? params : undefined;

  function readValue(): string | undefined {
    const quoted = text[i] === "'";
    if (quoted) i += 1;
    let value = '';
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '\\') {
        value += text[i + 1] ?? '';
        i += 2;
      } else if (quoted && ch === "'") {
        i += 1;
        return value;
      } else if (!quoted && /\s/.test(ch)) {
        return value;
      } else {
        value += ch;
        i += 1;
      }
    }
    // An unterminated quote is an error in libpq too.
    return quoted ? undefined : value;
  }
}
