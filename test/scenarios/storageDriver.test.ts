import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResults, type Results } from '../../results/resultsModel.ts';
import type { RestEndpoint } from '../../scenarios/drivers/rest/restEndpoint.ts';
import { openStorageDriver } from '../../scenarios/drivers/storage/storageDriver.ts';
import { runLoad } from '../../scenarios/engine/runLoad.ts';
import { UPLOAD_JOURNEYS } from '../../scenarios/workloads/uploadsMix.ts';
import { one } from '../helpers/checkFixtures.ts';
import { fakeJpeg } from '../helpers/fakeJpeg.ts';
import { tableFingerprints } from '../helpers/seedFingerprint.ts';
import { runCli, type CliResult } from '../helpers/runCli.ts';
import { openStorageFixture, type StorageFixture } from '../helpers/storageFixture.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');

function writtenResults(result: CliResult): { results: Results; dir: string } {
  const file = /results: +(\S+results\.json)/.exec(result.stderr)?.[1];
  expect(file, result.stderr).toBeDefined();
  const resolved = path.resolve(ROOT, file!);
  return { results: parseResults(JSON.parse(readFileSync(resolved, 'utf8'))), dir: path.dirname(resolved) };
}

/** The Storage driver and the uploads scenario against the local /storage/v1 on port 0 over a tiny seed, reached as a supabase target. */
describe('Storage driver', () => {
  let f: StorageFixture;
  let endpoint: RestEndpoint;
  const objectRows = async () => (await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM storage.objects`))[0]!.n;
  const journeysOf = (...names: string[]) => UPLOAD_JOURNEYS.filter((j) => names.includes(j.name));

  beforeAll(async () => {
    f = await openStorageFixture('storage_driver');
    endpoint = { url: f.api.url, anonKey: f.keys.anonKey, serviceRoleKey: f.keys.serviceRoleKey, jwtSecret: f.secret, release: async () => undefined };
  });

  afterAll(async () => {
    await f?.close();
  });

  it('uploads via the CLI: size classes, verification downloads, the isolation leak and the policy time in results.json, the report and the closing lines; its objects removed', async () => {
    const env = { DATABASE_URL: f.db.url, SUPABASE_URL: f.api.url, SUPABASE_ANON_KEY: f.keys.anonKey, SUPABASE_SERVICE_ROLE_KEY: f.keys.serviceRoleKey, SUPABASE_JWT_SECRET: f.secret };
    const result = await runCli(['load', 'uploads', '--duration', '4s', '--rate', '12', '--target', 'supabase', '--confirm-target', `127.0.0.1/${f.db.name}`], env);
    expect([0, 1], result.stderr).toContain(result.code);
    const { results, dir } = writtenResults(result);
    const [scenario] = results.scenarios;
    expect(scenario).toMatchObject({ name: 'uploads', localStack: true, errors: 0 });
    const storage = scenario!.storage!;
    expect(storage.sizeClasses.length).toBeGreaterThan(0);
    const uploads = storage.sizeClasses.reduce((sum, c) => sum + c.uploads, 0);
    expect(uploads).toBeGreaterThan(3);
    for (const c of storage.sizeClasses.filter((c) => c.uploads > 0)) expect([c.uploadLatency.count, c.uploadMbPerS > 0]).toEqual([c.uploads, true]);
    expect(storage.sizeClasses.reduce((sum, c) => sum + c.downloads, 0)).toBe(storage.signedUrls.requests);
    expect(storage.policyTime.find((p) => p.operation === 'upload')!.dbMeanMs).toBeGreaterThan(0);
    expect(storage.rejections).toEqual([]);
    expect(storage.isolation!.leaks).toBe(true);
    expect(storage.objects).toEqual({ written: storage.objects.written, removed: storage.objects.written, kept: false });
    expect(storage.objects.written).toBeGreaterThanOrEqual(uploads);
    expect([await objectRows(), await f.files()]).toEqual([0, []]);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Storage: payment-proofs');
    expect(html).toMatch(/<td>1–3 MB<\/td>|<td>0\.5–1 MB<\/td>|<td>&lt;0\.5 MB<\/td>/);
    expect(html).toContain('Isolation pass: buyer A uploaded');
    expect(result.stderr).toMatch(/storage +\d+ uploads/);
    expect(result.stderr).toMatch(/isolation: LEAKS — buyer B download/);
  });

  it('the isolation pass: production policy leaks to buyer B and GOM B; after the remediation neither reads, and nothing is left behind', async () => {
    const run = async () => {
      const driver = await openStorageDriver(f.db.client, journeysOf('isolation-pass'), { scenario: 'isolation', endpoint, connections: 2 });
      try {
        const outcome = await runLoad({ model: { kind: 'closed', vus: 1, durationMs: 10_000, maxIterations: 2 }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal });
        expect(outcome.recorder.errors).toBe(0);
      } finally {
        await driver.teardown(f.db.client, false);
      }
      return driver.result(1000);
    };
    const before = await run();
    // One pass before the clock, two under it.
    expect(before.isolation).toMatchObject({ proofs: 3, leaks: true });
    expect(before.isolation!.reads.map((r) => [r.reader, r.operation, r.tries, r.leaked])).toEqual([
      ['buyer B', 'download', 3, 3],
      ['buyer B', 'signed URL', 3, 3],
      ['GOM B', 'download', 3, 3],
      ['GOM B', 'signed URL', 3, 3],
    ]);
    const check = await one(f.db.client, 'storage.access');
    await f.db.client.query(check.remediationSql!);
    const after = await run();
    expect(after.isolation).toMatchObject({ proofs: 3, leaks: false });
    expect(after.isolation!.reads.every((r) => r.tries === 3 && r.leaked === 0)).toBe(true);
    expect(after.objects).toEqual({ written: 3, removed: 3, kept: false });
    expect([await objectRows(), await f.files()]).toEqual([0, []]);
  });

  it('seed clean --run of a kept run removes the objects it uploaded, rows and files, and no other object', async () => {
    const { orderId } = (await f.sql<{ orderId: string }>(`SELECT id::text AS "orderId" FROM orders ORDER BY id LIMIT 1`))[0]!;
    const proofs = f.service.storage.from('payment-proofs');
    // Not the run's: one without a run in its metadata, one naming another run.
    const others = [`${orderId}/payment-proof-by-hand.jpg`, `${orderId}/payment-proof-other-run.jpg`];
    expect((await proofs.upload(others[0]!, fakeJpeg(20_000), { contentType: 'image/jpeg' })).error).toBeNull();
    expect((await proofs.upload(others[1]!, fakeJpeg(20_000), { contentType: 'image/jpeg', metadata: { gomflow_run: 'ffffffff' } })).error).toBeNull();
    const state = async () => ({ objects: await tableFingerprints(f.db.client, ['storage.objects']), files: (await f.files()).sort() });
    const before = await state();
    try {
      const driver = await openStorageDriver(f.db.client, journeysOf('proof-upload'), { scenario: 'kept-uploads', endpoint, connections: 2 });
      try {
        const outcome = await runLoad({ model: { kind: 'closed', vus: 1, durationMs: 10_000, maxIterations: 3 }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal });
        expect(outcome.recorder.errors).toBe(0);
      } finally {
        expect(await driver.teardown(f.db.client, true)).toBe(3);
      }
      const runId = driver.rows.runId;
      expect(await objectRows()).toBe(5);
      expect((await f.files()).length).toBe(5);

      const env = { DATABASE_URL: f.db.url, SUPABASE_URL: f.api.url, SUPABASE_ANON_KEY: f.keys.anonKey, SUPABASE_SERVICE_ROLE_KEY: f.keys.serviceRoleKey };
      const plan = await runCli(['seed', 'clean', '--run', runId, '--plan', '--target', 'supabase'], env);
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toMatch(/storage +removes the runs' objects \(user metadata gomflow_run\) through the Storage API as service_role, rows and bytes: 3 in payment-proofs\n/);
      expect(await objectRows()).toBe(5);
      const result = await runCli(['seed', 'clean', '--run', runId, '--target', 'supabase', '--confirm-target', `127.0.0.1/${f.db.name}`], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`run ${runId} kept by load scenario kept-uploads: removed 0 rows and 3 Storage objects`);
      expect(await state()).toEqual(before);
    } finally {
      await proofs.remove(others);
    }
    expect([await objectRows(), await f.files()]).toEqual([0, []]);
  });

  it('an upload over the bucket limit is a 413 rejection: an error of class too-large, or expected when the scenario asks for it', async () => {
    expect((await f.service.storage.updateBucket('payment-proofs', { public: false, fileSizeLimit: 200_000 })).error).toBeNull();
    try {
      const uploadOnly = journeysOf('proof-upload');
      const unasked = await openStorageDriver(f.db.client, uploadOnly, { scenario: 'over-limit', endpoint, connections: 2, seed: 3 });
      let outcome;
      try {
        outcome = await runLoad({ model: { kind: 'closed', vus: 1, durationMs: 10_000, maxIterations: 4 }, journeys: unasked.journeys, iterate: unasked.iterate, signal: new AbortController().signal });
      } finally {
        await unasked.teardown(f.db.client, false);
      }
      // Every proof but the rare <0.2 MB one is over a 200 kB limit.
      const refused = unasked.result(1000).rejections;
      expect(refused, JSON.stringify(refused)).not.toEqual([]);
      expect(refused.every((r) => r.statusCode === '413' && r.reason === 'too large' && !r.expected), JSON.stringify(refused)).toBe(true);
      const count = refused.reduce((sum, r) => sum + r.count, 0);
      expect(count).toBeGreaterThan(0);
      expect(outcome.recorder.errorsByClass).toEqual({ 'too-large': count });

      const asked = await openStorageDriver(f.db.client, uploadOnly, { scenario: 'over-limit', endpoint, connections: 2, seed: 3, overLimitShare: 1 });
      try {
        outcome = await runLoad({ model: { kind: 'closed', vus: 1, durationMs: 10_000, maxIterations: 3 }, journeys: asked.journeys, iterate: asked.iterate, signal: new AbortController().signal });
      } finally {
        await asked.teardown(f.db.client, false);
      }
      expect(outcome.recorder.errors).toBe(0);
      expect(asked.result(1000).rejections).toEqual([{ statusCode: '413', reason: 'too large', operation: 'upload', count: 3, expected: true }]);
      expect([await objectRows(), await f.files()]).toEqual([0, []]);
    } finally {
      await f.service.storage.updateBucket('payment-proofs', { public: false, fileSizeLimit: null });
    }
  });
});
