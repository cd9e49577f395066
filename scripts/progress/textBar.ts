/** A fixed-width bar for one-line progress: `[██████░░░░]`. */
export function textBar(fraction: number, width = 20): string {
  const filled = Math.round(Math.min(Math.max(fraction, 0), 1) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}
