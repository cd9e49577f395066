import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECK_CATALOG, CHECK_IDS } from '../../reports/checkCatalog.ts';
import { checklistCoverage } from '../../reports/checklistCoverage.ts';
import { CHECKLIST } from '../../reports/checklistItems.ts';
import { evaluateBudgets } from '../../reports/evaluateBudgets.ts';
import type { Results } from '../../results/resultsModel.ts';
import { failingResults, passingResults } from '../fixtures/results/resultsFixtures.ts';

// The checklist lives in the shared folder beside the repository (as on CI); the data must follow it.
const CHECKLIST_MD = fileURLToPath(new URL('../../../shared/CHECKLIST.md', import.meta.url));

/** The checkbox lines of CHECKLIST.md by `## part` and `### section` (`#### ` nested as "section › sub"). */
function parseChecklist(markdown: string): { part: string; title: string; items: { title: string; detail: string }[] }[] {
  const sections: { part: string; title: string; items: { title: string; detail: string }[] }[] = [];
  let part = '';
  let h3 = '';
  for (const line of markdown.split('\n')) {
    const heading = /^(#{2,4}) (?:✅ |🚨 )?(.+?)\s*$/.exec(line);
    if (heading) {
      const [, hashes, text] = heading;
      if (hashes === '##') part = text!;
      else if (hashes === '###') h3 = text!;
      sections.push({ part, title: hashes === '####' ? `${h3} › ${text}` : h3, items: [] });
      continue;
    }
    const item = /^- \[ \] (?:\*\*(.+?)\*\*\s*(.*)|(.+))$/.exec(line.trim());
    if (item) sections.at(-1)!.items.push(item[1] ? { title: item[1], detail: item[2]!.replace(/^-\s+/, '').trim() } : { title: item[3]!.trim(), detail: '' });
  }
  return sections.filter((section) => section.items.length > 0);
}

const itemsByCheck = (id: string) => CHECKLIST.flatMap((section) => section.items).filter((item) => item.check === id);

describe('checklist items', () => {
  it.skipIf(!existsSync(CHECKLIST_MD))('hold every checkbox of CHECKLIST.md, in order, with its section', () => {
    const parsed = parseChecklist(readFileSync(CHECKLIST_MD, 'utf8'));
    const ours = CHECKLIST.map((section) => ({ part: section.part, title: section.title, items: section.items.map(({ title, detail }) => ({ title, detail })) }));
    expect(ours).toEqual(parsed);
  });

  it('every automated item names a catalogue id, and every catalogue id verifies some item', () => {
    const used = new Set(CHECKLIST.flatMap((section) => section.items.flatMap((item) => (item.check ? [item.check] : []))));
    for (const id of used) expect(CHECK_CATALOG).toHaveProperty([id]);
    expect(CHECK_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('marks backups, SMTP, contacts and sign-offs as manual', () => {
    const manual = CHECKLIST.flatMap((section) => section.items.filter((item) => !item.check).map((item) => item.title));
    expect(manual).toEqual(expect.arrayContaining(['Daily backups', 'SMTP settings', 'Emergency contacts', 'Security audit completed', 'Go-live plan approved']));
  });
});

describe('checklistCoverage', () => {
  const coverageOf = (results: Results) => checklistCoverage(results, evaluateBudgets(results));

  it('marks each item verified by a check with the check outcome, a failed warn-level check as a warning', () => {
    const coverage = coverageOf(passingResults());
    const items = coverage.sections.flatMap((section) => section.items);
    const rls = items.filter((entry) => entry.item.check === 'rls.enabled');
    expect(rls.map((entry) => entry.status)).toEqual(['pass', 'pass']);
    expect(items.find((entry) => entry.item.check === 'schema.indexes')!.status).toBe('warn');
    expect(items.find((entry) => entry.item.check === 'schema.functions')!.status).toBe('not-run');
  });

  it('derives load, query and setting items from budgets, the seed and scenarios of the same run', () => {
    const items = coverageOf(failingResults()).sections.flatMap((section) => section.items);
    const status = (id: string) => items.filter((entry) => entry.item.check === id).map((entry) => entry.status);
    expect(status('query.performance')).toEqual(['fail']);
    expect(status('query.slow-ceiling')).toEqual(['fail']);
    expect(status('load.error-rate')).toEqual(['fail']);
    expect(status('load.concurrent-connections')).toEqual(['fail']);
    expect(status('settings.statement-timeout')).toEqual(['fail']);
    expect(status('settings.max-connections')).toEqual(['pass']);
    expect(status('load.bulk')).toEqual(['pass']);
    expect(status('load.realtime')).toEqual(['skip']);
    expect(status('load.storage')).toEqual(['not-run']);
    expect(status('rls.enabled')).toEqual(['fail', 'fail']);
    expect(items.find((entry) => entry.item.check === 'rls.enabled')!.evidence[0]).toMatchObject({ source: 'check rls.enabled', detail: '2 tables without RLS' });
  });

  it('counts per section and overall, and lists checks outside the catalogue', () => {
    const coverage = coverageOf(failingResults());
    const total = CHECKLIST.reduce((sum, section) => sum + section.items.length, 0);
    expect(Object.values(coverage.totals).reduce((a, b) => a + b, 0)).toBe(total);
    expect(coverage.totals.manual).toBe(CHECKLIST.flatMap((section) => section.items).filter((item) => !item.check).length);
    expect(coverage.otherChecks.map((check) => check.id)).toEqual(['custom.lint']);
    const loadTesting = coverage.sections.find((section) => section.title === 'Load Testing')!;
    expect(loadTesting.counts).toMatchObject({ fail: 2, pass: 1, skip: 1, 'not-run': 1 });
    expect(itemsByCheck('storage.buckets')).toHaveLength(4);
  });
});
