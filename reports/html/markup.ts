import { escapeMarkup } from '../escapeMarkup.ts';

/** Escaped text: every string that came from results.json goes through this. */
export const esc = escapeMarkup;

/** Outcome words of the report; each badge pairs an icon and a word, so colour is never the only signal. */
export type BadgeStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'not-run' | 'manual' | 'regression' | 'improvement';

const BADGES: Record<BadgeStatus, [icon: string, word: string]> = {
  pass: ['✔', 'pass'],
  fail: ['✘', 'FAIL'],
  warn: ['▲', 'warn'],
  skip: ['–', 'skip'],
  'not-run': ['○', 'not run'],
  manual: ['☐', 'manual'],
  regression: ['▼', 'REGRESSED'],
  improvement: ['▲', 'faster'],
};

export function badge(status: BadgeStatus, word?: string): string {
  const [icon, text] = BADGES[status];
  return `<span class="badge b-${status}"><span aria-hidden="true">${icon}</span> ${esc(word ?? text)}</span>`;
}

/** A section with its heading and id (the nav links to it). */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

/** A short note in place of a section the run has nothing for. */
export function emptyNote(text: string): string {
  return `<p class="empty">${esc(text)}</p>`;
}

/** A table in a horizontal scroller, so a narrow window scrolls the table, not the page. */
export function table(headers: readonly string[], rows: readonly string[], attributes = ''): string {
  const head = headers.map((header) => `<th scope="col">${header}</th>`).join('');
  return `<div class="scroll"><table${attributes}><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** A definition list from label/value pairs; values are HTML. */
export function facts(pairs: readonly [string, string][]): string {
  return `<dl class="facts">${pairs.map(([label, value]) => `<div><dt>${esc(label)}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}
