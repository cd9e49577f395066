import type pg from 'pg';
import { INTERNAL_MARK } from '../../../bench/sampleParams.ts';
import { hashKeys, rngFor, type Random } from '../../../generators/random.ts';
import type { StorageResult } from '../../../results/storageModel.ts';
import { ClassifiedError } from '../../engine/classifyError.ts';
import type { Iterate } from '../../engine/journey.ts';
import type { StorageJourney, WorkloadJourney } from '../../workloads/workload.ts';
import { ScenarioRows } from '../pg/scenarioRows.ts';
import { personaTokens } from '../rest/personaTokens.ts';
import type { RestEndpoint } from '../rest/restEndpoint.ts';
import { proofBody } from './proofBytes.ts';
import { pickProofFile, sizeClassOf, type ProofFile } from './proofFiles.ts';
import { removeRunObjects } from './removeRunObjects.ts';
import { storageErrorClass, StorageClient, type StorageAnswer } from './storageClient.ts';
import { StorageRecorder, type StorageOperation } from './storageRecorder.ts';

export const PROOF_BUCKET = 'payment-proofs';

export interface StorageDriverOptions {
  scenario: string;
  endpoint: RestEndpoint;
  /** Keep-alive sockets: the scenario's in-flight limit. */
  connections: number;
  seed?: number;
  /** Share (0–1) of uploads sent one byte over the bucket's file_size_limit, to be refused 413 as expected. Default 0. */
  overLimitShare?: number;
}

/** The submission a proof is for: its order, its payment reference (in the path), the order's GOM. */
export interface ProofTarget {
  orderId: string;
  reference: string;
  gom: string;
}

interface StoredProof {
  name: string;
  size: number;
  gom: string;
}

export interface StorageDriver {
  iterate: Iterate;
  journeys: WorkloadJourney[];
  missing: string[];
  rows: ScenarioRows;
  client: StorageClient;
  /** One buyer's proof file for the given submission (launch-drop's follow-up to a submit); throws a refusal as its class. */
  uploadProof(target: ProofTarget): Promise<void>;
  /** The numbers so far; objects as the teardown left them. */
  result(durationMs: number): StorageResult;
  /** Closes the sockets, then removes the run's objects (rows and files) or keeps them; returns how many objects went or stay. */
  teardown(control: pg.Client, keep: boolean): Promise<number>;
}

/** Proofs the GOMs can verify from the first second: uploaded before the clock starts, removed with the run's. */
const WARM_PROOFS = 3;

/**
 * The Storage driver: buyers upload payment proofs into `payment-proofs` at the app's path
 * (`payment-proofs/{orderId}/payment-proof-{ref}-{ts}-{i}.{ext}`, gomflow-traffic.md §3) with
 * their own access tokens; the order's GOM verifies them; the isolation pass has buyer B and
 * a GOM of another order try to read buyer A's proof. Every object carries the run in its
 * user metadata, so the teardown removes exactly the run's objects through Storage.
 */
export async function openStorageDriver(control: pg.Client, journeys: readonly WorkloadJourney[], options: StorageDriverOptions): Promise<StorageDriver> {
  const random = rngFor(options.seed ?? 1, 'storage-driver', options.scenario);
  const storage = journeys.filter((journey): journey is StorageJourney => journey.kind === 'storage');
  const missing = journeys.filter((journey) => journey.kind !== 'storage').map((journey) => `${journey.name}: not a Storage journey`);
  const { rows: targets } = await control.query<ProofTarget>(
    `${INTERNAL_MARK} SELECT s.order_id::text AS "orderId", s.payment_reference AS reference, o.user_id::text AS gom FROM submissions s JOIN orders o ON o.id = s.order_id ORDER BY s.id LIMIT 1000`,
  );
  const { rows: buyerRows } = await control.query<{ id: string }>(`${INTERNAL_MARK} SELECT u.id::text FROM auth.users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id) ORDER BY u.id LIMIT 200`);
  const buyers = buyerRows.map((row) => row.id);
  const goms = [...new Set(targets.map((t) => t.gom))];
  const { rows: limitRows } = await control.query<{ limit: string | null }>(`${INTERNAL_MARK} SELECT file_size_limit::text AS limit FROM storage.buckets WHERE id = $1`, [PROOF_BUCKET]);
  const bucketLimit = limitRows[0]?.limit ? Number(limitRows[0].limit) : undefined;
  const usable = storage.filter((journey) => {
    if (limitRows.length === 0) return false;
    if (journey.action === 'isolation') return buyers.length >= 2 && goms.length >= 2 && targets.length > 0;
    return targets.length > 0 && buyers.length > 0;
  });
  if (limitRows.length === 0) missing.push(`${storage.map((j) => j.name).join(', ')}: no ${PROOF_BUCKET} bucket on the target`);
  else if (usable.length < storage.length) missing.push(...storage.filter((j) => !usable.includes(j)).map((j) => `${j.name}: needs seeded submissions, 2 buyers and 2 GOMs`));
  if ((options.overLimitShare ?? 0) > 0 && bucketLimit === undefined) missing.push(`over-limit uploads: ${PROOF_BUCKET} has no file_size_limit to exceed`);

  const rows = await ScenarioRows.open(control, options.scenario);
  const tokens = await personaTokens(control, options.endpoint, [...buyers, ...goms]);
  const client = new StorageClient(options.endpoint.url, options.endpoint.anonKey, options.connections);
  const recorder = new StorageRecorder();
  const stored: StoredProof[] = [];
  let written = 0;
  let objects: StorageResult['objects'] = { written: 0, removed: 0, kept: false };
  let sequence = 0;

  /** Counts a refusal; throws it as its class unless the caller expected that status. */
  const refused = (operation: StorageOperation, answer: StorageAnswer, expected?: string): void => {
    recorder.rejected(operation, answer.statusCode, answer.statusCode === expected);
    if (answer.statusCode !== expected) throw new ClassifiedError(storageErrorClass(answer.statusCode), `storage ${operation} answered ${answer.statusCode}`);
  };

  const upload = async (target: ProofTarget, buyer: string, file: ProofFile, expected?: string): Promise<StoredProof | undefined> => {
    const n = ++sequence;
    const name = `payment-proofs/${target.orderId}/payment-proof-${target.reference}-${Date.now()}-${n % 3}.${file.ext}`;
    const body = proofBody(file, hashKeys(options.seed ?? 1, 'proof', n));
    const answer = await client.upload(PROOF_BUCKET, name, body, file.size, file.mime, tokens.get(buyer)!, { gomflow_run: rows.runId, file_size: file.size, mime_type: file.mime });
    recorder.timing('upload', answer.latencyMs, answer.timing);
    if (!answer.ok) return void refused('upload', answer, expected);
    written++;
    recorder.transfer('upload', sizeClassOf(file.size), file.size, answer.latencyMs);
    return { name, size: file.size, gom: target.gom };
  };

  const download = async (proof: StoredProof, bearer: string): Promise<StorageAnswer> => {
    const answer = await client.download(PROOF_BUCKET, proof.name, bearer);
    recorder.timing('download', answer.latencyMs, answer.timing);
    return answer;
  };

  const sign = async (proof: StoredProof, bearer: string): Promise<StorageAnswer> => {
    const answer = await client.sign(PROOF_BUCKET, proof.name, bearer);
    recorder.timing('sign', answer.latencyMs, answer.timing);
    return answer;
  };

  /** A proof, or (when the scenario asks for them) one a byte over the bucket's limit, to be refused 413. */
  const pickFile = (rand: Random): { file: ProofFile; expected?: string } => {
    if (bucketLimit !== undefined && rand.next() < (options.overLimitShare ?? 0)) return { file: { size: bucketLimit + 1, mime: 'image/jpeg', ext: 'jpg' }, expected: '413' };
    return { file: pickProofFile(rand) };
  };

  const actions: Record<StorageJourney['action'], () => Promise<void>> = {
    async upload() {
      const { file, expected } = pickFile(random);
      const proof = await upload(random.pick(targets), random.pick(buyers), file, expected);
      if (proof) stored.push(proof);
    },
    async verify() {
      // The GOM opens a proof of their order, then its signed URL (as the dashboard's link does).
      if (stored.length === 0) throw new Error('no stored proof to verify: every upload so far was refused');
      const proof = stored[random.int(0, stored.length - 1)]!;
      const gom = tokens.get(proof.gom)!;
      const read = await download(proof, gom);
      if (!read.ok) return refused('download', read);
      if (read.bytes !== proof.size) throw new ClassifiedError('other', `downloaded ${read.bytes} bytes of a ${proof.size}-byte proof`);
      recorder.transfer('download', sizeClassOf(proof.size), read.bytes, read.latencyMs);
      const signed = await sign(proof, gom);
      if (!signed.ok) return refused('sign', signed);
      recorder.signed(signed.latencyMs);
      const opened = await client.fetchSigned(String((signed.json as { signedURL?: string }).signedURL));
      if (!opened.ok) return refused('download', opened);
    },
    async isolation() {
      const target = random.pick(targets);
      const [buyerA, buyerB] = pickTwo(random, buyers);
      const gomB = random.pick(goms.filter((gom) => gom !== target.gom));
      const proof = await upload(target, buyerA!, { size: random.int(100_000, 300_000), mime: 'image/jpeg', ext: 'jpg' });
      if (!proof) return;
      recorder.isolationProof();
      // A refusal is the policy working, not an error: the reads only count leaks.
      for (const [reader, sub] of [['buyer B', buyerB!], ['GOM B', gomB]] as const) {
        recorder.isolationRead(reader, 'download', (await download(proof, tokens.get(sub)!)).ok);
        recorder.isolationRead(reader, 'signed URL', (await sign(proof, tokens.get(sub)!)).ok);
      }
    },
  };

  // One isolation pass before the clock starts, so even a short run answers whether proofs leak; more run under the load.
  if (usable.some((j) => j.action === 'isolation')) await actions.isolation();
  if (usable.some((j) => j.action === 'verify')) {
    for (let i = 0; i < WARM_PROOFS; i++) {
      // Small ones: the warm-up must not be refused by a tight bucket limit before the run starts.
      const proof = await upload(random.pick(targets), random.pick(buyers), { size: random.int(100_000, 150_000), mime: 'image/jpeg', ext: 'jpg' });
      if (proof) stored.push(proof);
    }
  }

  return {
    iterate: async (journey) => {
      const action = (journey as StorageJourney).action;
      if (!action || !usable.includes(journey as StorageJourney)) throw new Error(`journey ${journey.name} has no Storage action here`);
      await actions[action]();
    },
    journeys: usable,
    missing,
    rows,
    client,
    async uploadProof(target) {
      if (buyers.length === 0) throw new Error('no buyer to upload a proof as: seed the target first');
      const { file, expected } = pickFile(random);
      await upload(target, random.pick(buyers), file, expected);
    },
    result: (durationMs) => recorder.result(PROOF_BUCKET, durationMs, objects),
    async teardown(controlClient, keep) {
      await client.close();
      if (keep) {
        await rows.keep(controlClient);
        objects = { written, removed: 0, kept: true };
        return written;
      }
      const removed = await removeRunObjects(controlClient, options.endpoint, rows.runId);
      await rows.remove(controlClient);
      objects = { written, removed, kept: false };
      return removed;
    },
  };
}

function pickTwo<T>(random: Random, items: readonly T[]): [T, T] {
  const first = random.int(0, items.length - 1);
  const second = (first + random.int(1, items.length - 1)) % items.length;
  return [items[first]!, items[second]!];
}
