/**
 * Whether output to this stream may carry ANSI colour: only on a terminal, and never when
 * NO_COLOR is set to anything but the empty string (no-color.org), not only to "1".
 */
export function colourAllowed(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}
