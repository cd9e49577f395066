import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeJpeg } from '../../helpers/fakeJpeg.ts';
import { openStorageFixture, type StorageFixture } from '../../helpers/storageFixture.ts';

/** Signed URLs, list/move/copy/remove and the bucket calls through storage-js against the local /storage/v1. */
describe('storage-js signed URLs, object management and buckets against the local /storage/v1', () => {
  let f: StorageFixture;
  const bytes = fakeJpeg(30_000);
  const bucket = () => f.service.storage.from('export-files');

  beforeAll(async () => {
    f = await openStorageFixture('storage_manage');
    for (const path of ['u1/a.jpg', 'u1/b.jpg', 'u1/deep/c.jpg', 'u2/d.jpg']) {
      const { error } = await bucket().upload(path, bytes, { contentType: 'image/jpeg' });
      if (error) throw error;
    }
  });

  afterAll(async () => {
    await f?.close();
  });

  it('a signed URL serves the bytes without any key until it expires, then Storage answers InvalidJWT', async () => {
    // exp is in whole seconds (iat floored + expiresIn): 1 s can lapse within milliseconds on a loaded machine.
    const { data, error } = await bucket().createSignedUrl('u1/a.jpg', 2);
    expect(error).toBeNull();
    expect(data!.signedUrl).toMatch(new RegExp(`^${f.api.url}/storage/v1/object/sign/export-files/u1/a\\.jpg\\?token=`));
    const served = await fetch(data!.signedUrl);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    // Another path with this token is refused.
    const elsewhere = await fetch(data!.signedUrl.replace('u1/a.jpg', 'u1/b.jpg'));
    expect(((await elsewhere.json()) as { code: string }).code).toBe('InvalidSignature');
    await sleep(3100);
    const expired = await fetch(data!.signedUrl);
    expect([expired.status, await expired.json()]).toEqual([400, { statusCode: '400', code: 'InvalidJWT', error: 'InvalidJWT', message: '"exp" claim timestamp check failed' }]);
  });

  it('createSignedUrls signs what the caller can read and names the rest; a user signs nothing of a bucket it cannot read', async () => {
    const { data } = await bucket().createSignedUrls(['u1/a.jpg', 'u1/missing.jpg'], 60);
    expect(data!.map((d) => [d.path, d.error, typeof d.signedUrl])).toEqual([
      ['u1/a.jpg', null, 'string'],
      ['u1/missing.jpg', 'Either the object does not exist or you do not have access to it', 'object'],
    ]);
    const one = await f.client().storage.from('export-files').createSignedUrl('u1/a.jpg', 60);
    expect(one.error).toMatchObject({ statusCode: '404', message: 'Object not found' });
  });

  it('a signed upload URL round trip: created by service_role, used without a key, the object then downloadable', async () => {
    const created = await bucket().createSignedUploadUrl('u3/signed.jpg');
    expect(created.error).toBeNull();
    const uploaded = await f.client().storage.from('export-files').uploadToSignedUrl('u3/signed.jpg', created.data!.token, new Blob([bytes], { type: 'image/jpeg' }));
    expect(uploaded.error).toBeNull();
    expect(uploaded.data).toMatchObject({ fullPath: 'export-files/u3/signed.jpg' });
    const { data } = await bucket().download('u3/signed.jpg');
    expect(Buffer.from(await data!.arrayBuffer()).equals(bytes)).toBe(true);
    // The token is for that path only.
    const other = await f.client().storage.from('export-files').uploadToSignedUrl('u3/other.jpg', created.data!.token, bytes);
    expect(other.error).toMatchObject({ statusCode: '400', message: 'Invalid signature' });
  });

  it('list shows the folders and objects one level below the prefix, with limit, offset, sortBy and search', async () => {
    const root = await bucket().list('', { limit: 100 });
    expect(root.data!.map((e) => [e.name, e.id === null])).toEqual([
      ['u1', true],
      ['u2', true],
      ['u3', true],
    ]);
    const u1 = await bucket().list('u1', { sortBy: { column: 'name', order: 'desc' } });
    expect(u1.data!.map((e) => e.name)).toEqual(['deep', 'b.jpg', 'a.jpg']);
    expect(u1.data![1]!.metadata).toMatchObject({ size: bytes.length, mimetype: 'image/jpeg' });
    expect((await bucket().list('u1', { limit: 1, offset: 1 })).data!.map((e) => e.name)).toEqual(['a.jpg']);
    expect((await bucket().list('u1', { search: 'b' })).data!.map((e) => e.name)).toEqual(['b.jpg']);
    // anon sees no row of this private bucket.
    expect((await f.client().storage.from('export-files').list('u1')).data).toEqual([]);
  });

  it('move renames, copy duplicates the bytes, remove deletes rows and files', async () => {
    expect((await bucket().move('u2/d.jpg', 'u2/moved.jpg')).data).toEqual({ message: 'Successfully moved' });
    expect((await bucket().move('u2/d.jpg', 'u2/again.jpg')).error).toMatchObject({ statusCode: '404', message: 'Object not found' });
    expect((await bucket().copy('u2/moved.jpg', 'u2/copy.jpg')).data).toEqual({ path: 'export-files/u2/copy.jpg' });
    expect((await bucket().copy('u2/moved.jpg', 'u2/copy.jpg')).error).toMatchObject({ statusCode: '409' });
    const copied = await bucket().download('u2/copy.jpg');
    expect(Buffer.from(await copied.data!.arrayBuffer()).equals(bytes)).toBe(true);

    const filesBefore = (await f.files()).length;
    const removed = await bucket().remove(['u2/moved.jpg', 'u2/copy.jpg', 'u2/none.jpg']);
    expect(removed.data!.map((o) => o.name).sort()).toEqual(['u2/copy.jpg', 'u2/moved.jpg']);
    expect((await f.files()).length).toBe(filesBefore - 2);
    expect((await bucket().list('u2')).data).toEqual([]);
  });

  it('buckets: service_role creates, reads, lists, updates, empties and deletes; a user sees none and cannot create one', async () => {
    const storage = f.service.storage;
    expect(await storage.createBucket('scratch', { public: true, fileSizeLimit: 1024, allowedMimeTypes: ['text/plain'] })).toEqual({ data: { name: 'scratch' }, error: null });
    expect((await storage.createBucket('scratch', { public: true })).error).toMatchObject({ statusCode: '409', message: 'The resource already exists' });
    expect((await storage.getBucket('scratch')).data).toMatchObject({ id: 'scratch', public: true, file_size_limit: 1024, allowed_mime_types: ['text/plain'] });
    expect((await storage.listBuckets()).data!.map((b) => b.id)).toEqual(['export-files', 'order-images', 'payment-proofs', 'profile-images', 'scratch']);
    expect((await storage.updateBucket('scratch', { public: false })).data).toEqual({ message: 'Successfully updated' });
    expect((await storage.from('scratch').upload('note.txt', 'hello', { contentType: 'text/plain' })).error).toBeNull();
    expect((await storage.deleteBucket('scratch')).error).toMatchObject({ statusCode: '409', message: 'The bucket you tried to delete is not empty' });
    expect((await storage.emptyBucket('scratch')).data).toEqual({ message: 'Successfully emptied' });
    expect((await storage.deleteBucket('scratch')).data).toEqual({ message: 'Successfully deleted' });
    expect((await storage.getBucket('scratch')).error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });

    const user = f.client();
    expect((await user.storage.listBuckets()).data).toEqual([]);
    expect((await user.storage.getBucket('payment-proofs')).error).toMatchObject({ statusCode: '404' });
    expect((await user.storage.createBucket('mine', { public: true })).error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
  });
});
