import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../results/resultsModel.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';
import { applyRemediation, check, insertSampleData } from '../helpers/checkFixtures.ts';

const LINTS = [
  'lint.auth-rls-initplan',
  'lint.multiple-permissive-policies',
  'lint.duplicate-index',
  'lint.unindexed-foreign-keys',
  'lint.security-definer-view',
  'lint.security-definer-function',
  'lint.rls-no-policy',
  'lint.policy-no-role',
];

// Merging policies removes policy names gomflow-schema.md lists: rls.policies (the doc's inventory, warn) says so.
const EXPECTED_SIDE_EFFECTS: Record<string, string[]> = { 'lint.multiple-permissive-policies': ['rls.policies'] };

describe("each lint finding's remediation SQL, applied to a fresh database", () => {
  let db: TestDatabase;
  let baseline: CheckResult[];

  beforeAll(async () => {
    db = await createTestDatabase('fixlint');
    await insertSampleData(db.client);
    baseline = await check(db.client);
  });

  afterAll(async () => {
    await db.drop();
  });

  it.each(LINTS)('%s: makes the finding disappear and fails no other check', async (id) => {
    expect(baseline.find((r) => r.id === id)!.status).not.toBe('pass');
    const outcome = await applyRemediation(baseline, id, () => createTestDatabase('fixlint'));
    expect(outcome.status).toBe('pass');
    expect(outcome.newlyFailing).toEqual([]);
    expect(outcome.noLongerPassing.map((line) => line.split(':')[0])).toEqual(EXPECTED_SIDE_EFFECTS[id] ?? []);
  });
});
