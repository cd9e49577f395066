import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../reports/renderSummary.ts';
import { baselineResults, failingResults, passingResults, regressedResults } from '../fixtures/results/resultsFixtures.ts';

describe('renderSummary', () => {
  it('heads a passing run READY with the budget table', () => {
    const summary = renderSummary(passingResults());
    expect(summary.split('\n')[0]).toBe('## GOMFLOW database: ✔ READY');
    expect(summary).toContain('| Budget | Threshold | Measured | Result |');
    expect(summary).toMatch(/\| Query p95 \| < 100 ms \| worst 4\d\.\d ms \| ✔ pass \(0 of 3 failed\) \|/);
    expect(summary).not.toContain('Failing');
  });

  it('lists what fails, and keeps results text from breaking the table or injecting HTML', () => {
    const results = failingResults();
    results.checks[0]!.detail = 'rows | with <b>pipes</b>\nand lines';
    const summary = renderSummary(results);
    expect(summary.split('\n')[0]).toBe('## GOMFLOW database: ✘ NOT READY');
    expect(summary).toContain('**Failing (6):**');
    expect(summary).toMatch(/^- budget: orders_active_recent \(authenticated, typical\) p95 1\d\d ms, budget < 100 ms$/m);
    expect(summary).toContain('- check: rls.enabled: rows \\| with \\<b>pipes\\</b> and lines');
    expect(summary).toContain('⚠ measured against the local stand-in stack');
  });

  it('names regressions against the baseline', () => {
    const summary = renderSummary(regressedResults(), { baseline: baselineResults() });
    expect(summary).toContain('Baseline `20261124-120000-base01`: **1 regression** beyond p95 +20 % and +5 ms (flagged, not failing).');
    expect(summary).toMatch(/^- q_regressed \(authenticated, typical\): \+2\d\.\d % \(\+\d+\.\d+ ms\)$/m);
  });
});
