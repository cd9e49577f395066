import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../results/resultsModel.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';
import { applyRemediation, check, insertSampleData } from '../helpers/checkFixtures.ts';

// Probes, storage and grants; settings changes (ALTER SYSTEM) are left out: they would change the shared test server.
const FINDINGS = [
  'rls.user-isolation',
  'rls.anon-access',
  'probe.anon-paid-submission',
  'storage.access',
  'probe.security-definer-calls',
  'rls.admin-policies',
  'storage.size-limits',
  'storage.mime-types',
  'grants.anon',
];

describe("each probe finding's remediation SQL, applied to a fresh database", () => {
  let db: TestDatabase;
  let baseline: CheckResult[];

  beforeAll(async () => {
    db = await createTestDatabase('fixprobe');
    await insertSampleData(db.client);
    baseline = await check(db.client);
  });

  afterAll(async () => {
    await db.drop();
  });

  it.each(FINDINGS)('%s: makes the finding disappear and fails no other check', async (id) => {
    expect(baseline.find((r) => r.id === id)!.status).not.toBe('pass');
    const outcome = await applyRemediation(baseline, id, () => createTestDatabase('fixprobe'));
    expect(outcome.status).toBe('pass');
    expect(outcome.newlyFailing).toEqual([]);
    expect(outcome.noLongerPassing).toEqual([]);
  });

  it('the payment-proofs fix: GOM B can no longer read GOM A\'s proof', async () => {
    const fixed = await createTestDatabase('fixprobe');
    try {
      await insertSampleData(fixed.client);
      await fixed.client.query(baseline.find((r) => r.id === 'storage.access')!.remediationSql!);
      const [result] = await check(fixed.client, ['storage.access']);
      expect(result!.evidence.find((e) => e.bucket === 'payment-proofs' && e.persona === 'GOM B')).toMatchObject({ rows: 0, result: '0 objects seen', leak: false });
    } finally {
      await fixed.drop();
    }
  });
});
