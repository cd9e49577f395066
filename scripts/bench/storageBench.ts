/**
 * npm run bench:storage [-- --files N] [--concurrency C] [--rounds R] [--big N]
 *
 * On the local target, in a scratch database (tiny seed) dropped afterwards, with the local API
 * server (and /storage/v1 over a temp folder) in a process of its own, stopped afterwards:
 * (a) upload throughput of N 1 MB proofs through /storage/v1 as a buyer (policy check, row,
 *     bytes) vs writing the same bytes to the same disk and inserting the same storage.objects
 *     rows directly, C at a time; the ratio (target ≥ 0.8×). Both sides warm up first (not
 *     counted), then take R rounds in turn, the order swapped every round, so the machine's
 *     drift falls on both; the median of the rounds' ratios, and where each side's time and CPU
 *     go per upload.
 * (b) the server's RSS while buyers upload `big` files of 50 MB (default 100), C at a time:
 *     flat when the bytes stream through instead of piling up.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { personaTokens } from '../../scenarios/drivers/rest/personaTokens.ts';
import { proofBody } from '../../scenarios/drivers/storage/proofBytes.ts';
import { StorageClient } from '../../scenarios/drivers/storage/storageClient.ts';
import { generateJwtSecret } from '../../stack/auth/jwtKey.ts';
import { mintApiKeys } from '../../stack/auth/mintApiKeys.ts';
import { ensureRunning, resolveTarget } from '../../stack/target.ts';
import { openScratchDatabase, seedScratchTiny, type ScratchDatabase } from './scratchDatabase.ts';
import { spawnLocalApi } from './spawnLocalApi.ts';

const { values } = parseArgs({ options: { files: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '4' }, rounds: { type: 'string', default: '3' }, big: { type: 'string', default: '100' } } });
const files = Number(values.files);
const concurrency = Number(values.concurrency);
const roundCount = Number(values.rounds);
const WARM_UP = 20;
const bigFiles = Number(values.big);
const MiB = 1024 * 1024;
const SMALL = MiB;
const BIG = 50 * MiB;
const config = await loadConfig({ cwd: process.cwd(), env: process.env, flags: {} });
const say = (line: string) => process.stderr.write(`${line}\n`);
const target = await resolveTarget({ ...config, target: 'local' }, process.cwd());
const running = await ensureRunning(target);
const work = mkdtempSync(path.join(tmpdir(), 'gomflow-bench-storage-'));
let scratch: ScratchDatabase | undefined;
let stopApi: (() => Promise<void>) | undefined;

/** Runs `count` tasks, `width` at a time; returns the wall time, ms. */
async function inParallel(count: number, width: number, task: (index: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await task(next++);
  }));
  return performance.now() - started;
}

/** The server's resident memory, MiB, from /proc (Linux). */
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
/** A process's CPU time (user + system), ms, from /proc (clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

try {
  scratch = await openScratchDatabase(target, 'storage');
  const { url, control } = scratch;
  say(`bench:storage — seeding tiny into the scratch database ${scratch.name}…`);
  await seedScratchTiny(scratch);
  const { orderId, buyer } = (await control.query<{ orderId: string; buyer: string }>(
    `SELECT (SELECT id::text FROM orders ORDER BY id LIMIT 1) AS "orderId", (SELECT u.id::text FROM auth.users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id) ORDER BY u.id LIMIT 1) AS buyer`,
  )).rows[0]!;
  const secret = generateJwtSecret();
  const keys = await mintApiKeys(secret, Math.floor(Date.now() / 1000));
  const storageDir = path.join(work, 'storage');
  const directDir = path.join(work, 'direct');
  mkdirSync(directDir);
  const api = await spawnLocalApi(url, secret, config.pool, { GOMFLOW_API_STORAGE_DIR: storageDir, GOMFLOW_STORAGE_FILE_SIZE_LIMIT: String(BIG + MiB) });
  stopApi = api.stop;
  const endpoint = { url: api.url, ...keys, jwtSecret: secret, release: async () => undefined };
  const token = (await personaTokens(control, endpoint, [buyer]))!.get(buyer)!;
  const client = new StorageClient(api.url, keys.anonKey, concurrency);
  const name = (i: number, tag: string) => `payment-proofs/${orderId}/payment-proof-bench-${tag}-${i}.jpg`;
  say(`bench:storage — ${files} × 1 MB, ${concurrency} at a time, on a 2-core machine shared with other work: expect noise`);

  // Where the server's time goes (its Server-Timing): db is the bucket lookup, the permission test and the row.
  const timing = { n: 0, dbMs: 0, totalMs: 0, latencyMs: 0 };
  // Where the direct path's time goes: the file (bytes, MD5, write, close) and the row.
  const directTiming = { n: 0, fileMs: 0, rowMs: 0 };
  const viaServer = async (count: number, size: number, tag: string) =>
    inParallel(count, concurrency, async (i) => {
      const answer = await client.upload('payment-proofs', name(i, tag), proofBody({ size, mime: 'image/jpeg' }, i + 1), size, 'image/jpeg', token, {});
      if (!answer.ok) throw new Error(`upload ${i} answered ${answer.statusCode}`);
      if (size === SMALL && answer.timing) {
        timing.n++;
        timing.dbMs += answer.timing.dbMs;
        timing.totalMs += answer.timing.totalMs;
        timing.latencyMs += answer.latencyMs;
      }
    });
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  // The floor: the same bytes to a file on the same disk, then the same row, no HTTP, no policy
  // check. The row is the server's own (metadata with the MD5 eTag), so the MD5 is taken in the
  // same pass as the write, as the server takes it.
  const direct = async (count: number, size: number, tag: string) =>
    inParallel(count, concurrency, async (i) => {
      const version = randomUUID();
      const startedAt = performance.now();
      const md5 = createHash('md5');
      let written = 0;
      await pipeline(
        proofBody({ size, mime: 'image/jpeg' }, i + 1),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            md5.update(chunk);
            written += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(path.join(directDir, version), { mode: 0o600 }),
      );
      const fileDoneAt = performance.now();
      const metadata = { eTag: `"${md5.digest('hex')}"`, size: written, mimetype: 'image/jpeg', cacheControl: 'max-age=3600', lastModified: new Date().toISOString(), contentLength: written, httpStatusCode: 200 };
      await pool.query(`INSERT INTO storage.objects (id, bucket_id, name, owner, owner_id, version, metadata, user_metadata) VALUES ($1, 'payment-proofs', $2, $3::uuid, $3, $4, $5, $6)`, [
        randomUUID(),
        name(i, tag),
        buyer,
        version,
        metadata,
        {},
      ]);
      directTiming.n++;
      directTiming.fileMs += fileDoneAt - startedAt;
      directTiming.rowMs += performance.now() - fileDoneAt;
    });

  say(`(a) 1 MB uploads: ${WARM_UP} each to warm up, then ${roundCount} rounds, direct and server in turn…`);
  await direct(WARM_UP, SMALL, 'dw');
  await viaServer(WARM_UP, SMALL, 'sw');
  Object.assign(timing, { n: 0, dbMs: 0, totalMs: 0, latencyMs: 0 });
  Object.assign(directTiming, { n: 0, fileMs: 0, rowMs: 0 });
  // CPU per side: this process (bytes made, hashed and written, or sent) and the server's.
  const cpu = { direct: { own: 0, server: 0 }, server: { own: 0, server: 0 } };
  const measured = async (side: 'direct' | 'server', round: number) => {
    const own = ownCpuMs();
    const server = cpuMs(api.pid);
    const ms = side === 'direct' ? await direct(files, SMALL, `d${round}`) : await viaServer(files, SMALL, `s${round}`);
    cpu[side].own += ownCpuMs() - own;
    cpu[side].server += cpuMs(api.pid) - server;
    return ms;
  };
  const rounds: { direct: number; server: number }[] = [];
  for (let round = 0; round < roundCount; round++) {
    const first = round % 2 === 0 ? 'direct' : 'server';
    const a = await measured(first, round);
    const b = await measured(first === 'direct' ? 'server' : 'direct', round);
    rounds.push(first === 'direct' ? { direct: a, server: b } : { direct: b, server: a });
  }
  const mbps = (ms: number) => (files * SMALL) / MiB / (ms / 1000);
  const ratios = rounds.map((r) => r.direct / r.server);
  const perUpload = (ms: number, n: number) => (ms / n).toFixed(1);
  const uploads = files * roundCount;

  say(`(b) ${bigFiles} × 50 MB uploads through the server, sampling its RSS…`);
  const samples: number[] = [rssMiB(api.pid)];
  const sampler = setInterval(() => samples.push(rssMiB(api.pid)), 200);
  const bigMs = await viaServer(bigFiles, BIG, 'big').finally(() => clearInterval(sampler));
  samples.push(rssMiB(api.pid));
  await client.close();
  await pool.end();

  console.log(`\n(a) ${files} × 1 MB proofs, ${concurrency} at a time, ${roundCount} rounds (order swapped each round) after ${WARM_UP} each to warm up`);
  for (const [i, r] of rounds.entries()) console.log(`  round ${i + 1}: direct ${mbps(r.direct).toFixed(1)} MB/s, server ${mbps(r.server).toFixed(1)} MB/s → ${ratios[i]!.toFixed(2)}×`);
  console.log(`  direct (file + row)  ${median(rounds.map((r) => mbps(r.direct))).toFixed(1)} MB/s (median round)`);
  console.log(`  /storage/v1          ${median(rounds.map((r) => mbps(r.server))).toFixed(1)} MB/s (median round) → ${median(ratios).toFixed(2)}× the direct path, median of the rounds' ratios (target ≥ 0.8×)`);
  console.log(`  per 1 MB upload, direct: ${perUpload(directTiming.fileMs, directTiming.n)} ms the file (made, hashed, written), ${perUpload(directTiming.rowMs, directTiming.n)} ms the row`);
  console.log(`  per 1 MB upload, server: ${perUpload(timing.latencyMs, timing.n)} ms at the client, ${perUpload(timing.totalMs, timing.n)} ms in the server, of it ${perUpload(timing.dbMs, timing.n)} ms in the database`);
  console.log(`  CPU per 1 MB upload: direct ${perUpload(cpu.direct.own, uploads)} ms; server path ${perUpload(cpu.server.own, uploads)} ms in the client + ${perUpload(cpu.server.server, uploads)} ms in the server (PostgreSQL not counted on either side)`);
  const first = samples[0]!;
  const peak = Math.max(...samples);
  console.log(`(b) ${bigFiles} × 50 MB through /storage/v1: ${((bigFiles * BIG) / MiB / (bigMs / 1000)).toFixed(0)} MB/s; server RSS ${first.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB, ${samples.at(-1)!.toFixed(0)} MiB after (${samples.length} samples; +${(peak - first).toFixed(0)} MiB at most while ${((bigFiles * BIG) / MiB / 1024).toFixed(1)} GiB went through)`);
} finally {
  await stopApi?.().catch(() => undefined);
  await scratch?.drop();
  rmSync(work, { recursive: true, force: true });
  await running.release();
}
