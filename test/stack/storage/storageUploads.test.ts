import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeJpeg } from '../../helpers/fakeJpeg.ts';
import { openStorageFixture, type StorageFixture } from '../../helpers/storageFixture.ts';

/** Uploads and downloads through storage-js against the local /storage/v1, as GOMFLOW's buyers and server make them. */
describe('storage-js uploads and downloads against the local /storage/v1', () => {
  let f: StorageFixture;
  let buyer: SupabaseClient;
  let buyerId: string;
  let proofPath: string;
  const proof = fakeJpeg(2 * 1024 * 1024);

  beforeAll(async () => {
    f = await openStorageFixture('storage_uploads');
    const [row] = await f.sql<{ id: string; email: string }>(`SELECT u.id, u.email FROM auth.users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id) ORDER BY u.email LIMIT 1`);
    const [submission] = await f.sql<{ order_id: string; payment_reference: string }>(`SELECT order_id, payment_reference FROM submissions ORDER BY id LIMIT 1`);
    buyerId = row!.id;
    buyer = await f.signedIn(row!.email);
    // The app's own pattern (upload-proof/route.ts): the bucket name doubled as the first folder.
    proofPath = `payment-proofs/${submission!.order_id}/payment-proof-${submission!.payment_reference}-${Date.now()}-0.jpg`;
  });

  afterAll(async () => {
    await f?.close();
  });

  it('a buyer uploads a 2 MB JPEG proof (multipart, as a Blob) and service_role downloads the same bytes', async () => {
    const { data, error } = await buyer.storage.from('payment-proofs').upload(proofPath, new Blob([proof], { type: 'image/jpeg' }), { contentType: 'image/jpeg', upsert: false });
    expect(error).toBeNull();
    expect(data).toMatchObject({ path: proofPath, fullPath: `payment-proofs/${proofPath}` });
    const [row] = await f.sql<{ id: string; owner: string; owner_id: string; metadata: Record<string, unknown> }>(`SELECT id, owner, owner_id, metadata FROM storage.objects WHERE bucket_id = 'payment-proofs' AND name = $1`, [proofPath]);
    expect(row).toMatchObject({ id: data!.id, owner: buyerId, owner_id: buyerId, metadata: { size: proof.length, mimetype: 'image/jpeg', cacheControl: 'max-age=3600' } });

    const downloaded = await f.service.storage.from('payment-proofs').download(proofPath);
    expect(downloaded.error).toBeNull();
    expect(Buffer.from(await downloaded.data!.arrayBuffer()).equals(proof)).toBe(true);
    expect(downloaded.data!.type).toBe('image/jpeg');
    // One file in place, nothing left in the temp folder.
    expect((await f.files()).map((p) => p.includes('/objects/'))).toEqual([true]);
  });

  it('a raw body (Buffer) upload carries content-type, cache-control and x-metadata; info and exists read it back', async () => {
    const path = `${buyerId}/raw-${Date.now()}.png`;
    const body = Buffer.from('not really a png');
    const { error } = await f.service.storage.from('payment-proofs').upload(path, body, { contentType: 'image/png', cacheControl: '60', metadata: { uploaded_by: buyerId } });
    expect(error).toBeNull();
    const info = await f.service.storage.from('payment-proofs').info(path);
    expect(info.error).toBeNull();
    // storage-js camelizes the whole info answer, user metadata included.
    expect(info.data).toMatchObject({ name: path, size: body.length, contentType: 'image/png', cacheControl: 'max-age=60', metadata: { uploadedBy: buyerId } });
    expect((await f.service.storage.from('payment-proofs').exists(path)).data).toBe(true);
    expect((await f.service.storage.from('payment-proofs').exists(`${path}.missing`)).data).toBe(false);
  });

  it('a Range request answers 206 with exactly those bytes, and Server-Timing carries the database part', async () => {
    const response = await fetch(`${f.api.url}/storage/v1/object/authenticated/payment-proofs/${proofPath}`, {
      headers: { authorization: `Bearer ${f.keys.serviceRoleKey}`, apikey: f.keys.serviceRoleKey, range: 'bytes=100-199' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 100-199/${proof.length}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(proof.subarray(100, 200))).toBe(true);
    expect(response.headers.get('server-timing')).toMatch(/^db;dur=\d+\.\d+, total;dur=\d+\.\d+$/);
  });

  it('an order-images object is readable by its public URL without any token; a private bucket is not served there', async () => {
    const image = fakeJpeg(50_000);
    const [order] = await f.sql<{ id: string }>(`SELECT id FROM orders ORDER BY id LIMIT 1`);
    const path = `orders/${order!.id}/cover.jpg`;
    expect((await buyer.storage.from('order-images').upload(path, image, { contentType: 'image/jpeg' })).error).toBeNull();
    const { publicUrl } = f.client().storage.from('order-images').getPublicUrl(path).data;
    const response = await fetch(publicUrl);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(Buffer.from(await response.arrayBuffer()).equals(image)).toBe(true);

    const hidden = await fetch(f.client().storage.from('payment-proofs').getPublicUrl(proofPath).data.publicUrl);
    expect([hidden.status, await hidden.json()]).toEqual([400, { statusCode: '404', code: 'NoSuchBucket', error: 'Bucket not found', message: 'Bucket not found' }]);
  });

  it("anon cannot read a private proof: storage-js gets Storage's not-found", async () => {
    const { data, error } = await f.client().storage.from('payment-proofs').download(proofPath);
    expect(data).toBeNull();
    expect(error).toMatchObject({ name: 'StorageApiError', status: 400, statusCode: '404', message: 'Object not found' });
  });
});
