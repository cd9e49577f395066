import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../helpers/checkFixtures.ts';
import { fakeJpeg } from '../../helpers/fakeJpeg.ts';
import { openStorageFixture, type StorageFixture } from '../../helpers/storageFixture.ts';

const GLOBAL_LIMIT = 3_000_000;

/** Limits, Storage's error bodies as storage-js surfaces them, and the storage policies deciding, against the local /storage/v1. */
describe('storage-js limits, errors and RLS against the local /storage/v1', () => {
  let f: StorageFixture;
  let buyerA: SupabaseClient;
  let buyerB: SupabaseClient;
  let order: { order_id: string; payment_reference: string };
  const proofPath = (i: number) => `payment-proofs/${order.order_id}/payment-proof-${order.payment_reference}-${Date.now()}-${i}.jpg`;
  const rowsNamed = async (name: string) => (await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM storage.objects WHERE name = $1`, [name]))[0]!.n;

  beforeAll(async () => {
    f = await openStorageFixture('storage_rules', { fileSizeLimit: GLOBAL_LIMIT });
    const buyers = await f.sql<{ email: string }>(`SELECT u.email FROM auth.users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id) ORDER BY u.email LIMIT 2`);
    [order] = (await f.sql<{ order_id: string; payment_reference: string }>(`SELECT order_id, payment_reference FROM submissions ORDER BY id LIMIT 1`)) as [typeof order];
    buyerA = await f.signedIn(buyers[0]!.email);
    buyerB = await f.signedIn(buyers[1]!.email);
  });

  afterAll(async () => {
    await f?.close();
  });

  it("with limits set by updateBucket, a file over the limit and a disallowed type are refused with Storage's bodies, leaving no file and no row", async () => {
    const set = await f.service.storage.updateBucket('payment-proofs', { public: false, fileSizeLimit: '1MB', allowedMimeTypes: ['image/jpeg', 'image/png', 'application/pdf'] });
    expect(set.error).toBeNull();
    expect((await f.service.storage.getBucket('payment-proofs')).data).toMatchObject({ public: false, file_size_limit: 1_000_000, allowed_mime_types: ['image/jpeg', 'image/png', 'application/pdf'] });
    const before = await f.files();

    const tooBig = proofPath(0);
    const big = await buyerA.storage.from('payment-proofs').upload(tooBig, new Blob([fakeJpeg(1_500_000)], { type: 'image/jpeg' }));
    expect(big.error).toMatchObject({ name: 'StorageApiError', status: 400, statusCode: '413', message: 'The object exceeded the maximum allowed size' });
    const bigRaw = await buyerA.storage.from('payment-proofs').upload(tooBig, fakeJpeg(1_500_000), { contentType: 'image/jpeg' });
    expect(bigRaw.error).toMatchObject({ status: 400, statusCode: '413' });

    const gif = proofPath(1).replace(/jpg$/, 'gif');
    const wrongType = await buyerA.storage.from('payment-proofs').upload(gif, new Blob([Buffer.from('GIF89a')], { type: 'image/gif' }));
    expect(wrongType.error).toMatchObject({ name: 'StorageApiError', status: 400, statusCode: '415', message: 'mime type image/gif is not supported' });

    expect([await rowsNamed(tooBig), await rowsNamed(gif)]).toEqual([0, 0]);
    expect(await f.files()).toEqual(before);
    // The raw error body, as Storage renders it.
    const response = await fetch(`${f.api.url}/storage/v1/object/payment-proofs/${encodeURI(gif)}`, { method: 'POST', headers: { authorization: `Bearer ${f.keys.serviceRoleKey}`, 'content-type': 'image/gif' }, body: 'GIF89a' });
    expect([response.status, await response.json()]).toEqual([400, { statusCode: '415', code: 'InvalidMimeType', error: 'invalid_mime_type', message: 'mime type image/gif is not supported' }]);
    expect(await f.service.storage.updateBucket('payment-proofs', { public: false, fileSizeLimit: null, allowedMimeTypes: null })).toMatchObject({ error: null });
  });

  it('the project-wide upload limit applies to a bucket without its own', async () => {
    const path = `orders/${order.order_id}/too-big.jpg`;
    const { error } = await buyerA.storage.from('order-images').upload(path, fakeJpeg(GLOBAL_LIMIT + 1), { contentType: 'image/jpeg' });
    expect(error).toMatchObject({ statusCode: '413', message: 'The object exceeded the maximum allowed size' });
    expect(await rowsNamed(path)).toBe(0);
  });

  it('anon is refused by the INSERT policy before any byte is stored: 403 "new row violates row-level security policy"', async () => {
    const before = await f.files();
    const path = proofPath(2);
    const { error } = await f.client().storage.from('payment-proofs').upload(path, fakeJpeg(10_000), { contentType: 'image/jpeg' });
    expect(error).toMatchObject({ name: 'StorageApiError', status: 400, statusCode: '403', message: 'new row violates row-level security policy' });
    expect([await rowsNamed(path), await f.files()]).toEqual([0, before]);
  });

  it('a duplicate upload without upsert is Duplicate; service_role upserts and replaces the bytes; a buyer may not upsert (no UPDATE policy)', async () => {
    const path = proofPath(3);
    const first = fakeJpeg(20_000);
    const second = fakeJpeg(30_000);
    expect((await buyerA.storage.from('payment-proofs').upload(path, first, { contentType: 'image/jpeg' })).error).toBeNull();
    const filesAfterFirst = (await f.files()).length;

    const again = await buyerA.storage.from('payment-proofs').upload(path, second, { contentType: 'image/jpeg' });
    expect(again.error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
    const buyerUpsert = await buyerA.storage.from('payment-proofs').upload(path, second, { contentType: 'image/jpeg', upsert: true });
    expect(buyerUpsert.error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });

    expect((await f.service.storage.from('payment-proofs').upload(path, second, { contentType: 'image/jpeg', upsert: true })).error).toBeNull();
    const { data } = await f.service.storage.from('payment-proofs').download(path);
    expect(Buffer.from(await data!.arrayBuffer()).equals(second)).toBe(true);
    // The replaced version's file is gone: one file for the object, as before.
    expect([(await f.files()).length, await rowsNamed(path)]).toEqual([filesAfterFirst, 1]);
  });

  it("with the production policy buyer B downloads buyer A's proof; after the Check issue's remediation SQL only A and the order's GOM can", async () => {
    const path = proofPath(4);
    const bytes = fakeJpeg(40_000);
    expect((await buyerA.storage.from('payment-proofs').upload(path, bytes, { contentType: 'image/jpeg' })).error).toBeNull();
    const leaked = await buyerB.storage.from('payment-proofs').download(path);
    expect(leaked.error).toBeNull();
    expect(Buffer.from(await leaked.data!.arrayBuffer()).equals(bytes)).toBe(true);

    const check = await one(f.db.client, 'storage.access');
    expect(check.remediationSql).toMatch(/^ALTER POLICY "Order owners can view payment proofs" ON storage\.objects/);
    await f.db.client.query(check.remediationSql!);

    const goms = await f.sql<{ email: string; owns: boolean }>(
      `SELECT u.email, bool_or(o.id = $1) AS owns FROM auth.users u JOIN orders o ON o.user_id = u.id GROUP BY u.email ORDER BY owns DESC, u.email`,
      [order.order_id],
    );
    expect(goms.map((g) => g.owns).slice(0, 2)).toEqual([true, false]);
    const gomOfOrder = await f.signedIn(goms[0]!.email);
    const gomB = await f.signedIn(goms[1]!.email);
    for (const reader of [buyerA, gomOfOrder]) {
      const { data, error } = await reader.storage.from('payment-proofs').download(path);
      expect(error).toBeNull();
      expect(Buffer.from(await data!.arrayBuffer()).equals(bytes)).toBe(true);
    }
    for (const reader of [buyerB, gomB]) expect((await reader.storage.from('payment-proofs').download(path)).error).toMatchObject({ statusCode: '404', message: 'Object not found' });
    expect((await f.service.storage.from('payment-proofs').download(path)).error).toBeNull();
  });
});
