import { GomflowError } from '../core/errors.ts';
import { listSeedRuns } from '../seed/seedRuns.ts';
import { resolveScale } from '../generators/resolveScale.ts';
import type { SeedSection } from '../results/resultsModel.ts';
import { seedStage, type SeedStageEvents } from '../seed/seedStage.ts';
import { ensureGomflowSchema } from '../stack/schema/ensureGomflowSchema.ts';
import type { StageContext } from '../stack/stageContext.ts';
import type { TargetSession } from '../stack/targetSession.ts';

export interface BenchData {
  /** Scale of the seeded data benchmarked, when known. */
  scale: string | undefined;
  /** The seed section, when this command seeded. */
  seed: SeedSection | undefined;
}

/**
 * Benchmarks need data. On the local target: the bundled schema when it is missing, then a
 * seed of the requested scale when no complete seed run of it exists (default: config
 * seed.scale, small; an explicit --scale replaces earlier runs, as `run` does). A remote target
 * is the user's: it is never written to; without GOMFLOW tables or rows we say what to run.
 */
export async function ensureBenchData(stage: StageContext & { events: SeedStageEvents }, scaleArg: string | undefined, referenceDate: Date): Promise<BenchData> {
  const { session, events, config } = stage;
  const { client, target } = session;
  if (target.kind !== 'local') {
    const { rows } = await client.query<{ tables: boolean }>(`SELECT to_regclass('public.submissions') IS NOT NULL AND to_regclass('public.orders') IS NOT NULL AS tables`);
    if (!rows[0]?.tables) {
      throw new GomflowError('E_SCHEMA_MISSING', `${target.where} has no GOMFLOW tables; apply the schema first (gomflow-load db up --target ${target.kind} --confirm-target ${target.host}/${target.database}), seed, then re-run bench`);
    }
    const data = await client.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM public.orders) AND EXISTS (SELECT 1 FROM public.submissions) AS present`);
    if (!data.rows[0]?.present) {
      throw new GomflowError(
        'E_SEED_UNKNOWN',
        `${target.where} has no orders or submissions to benchmark; seed it first (gomflow-load seed --target ${target.kind} --scale ${scaleArg ?? config.seed.scale} --confirm-target ${target.host}/${target.database}), then re-run bench`,
      );
    }
    if (scaleArg !== undefined) events.note(`--scale seeds only the local target; benchmarking the data ${target.where} holds`);
    return { scale: await loadedScale(session), seed: undefined };
  }
  await ensureGomflowSchema(stage);
  const complete = (await listSeedRuns(client)).filter((run) => run.status === 'complete');
  const wanted = resolveScale(scaleArg ?? config.seed.scale, config.seed.scales);
  const matching = complete.some((run) => run.scale === wanted.name);
  if (matching || (scaleArg === undefined && complete.length > 0)) {
    const scale = matching ? wanted.name : complete.at(-1)!.scale;
    if (!matching) events.note(`benchmarking the loaded ${scale} seed (pass --scale ${wanted.name} to seed that instead)`);
    return { scale, seed: undefined };
  }
  events.note(complete.length === 0 ? `no seeded data yet: seeding ${wanted.name} first` : `--scale ${wanted.name}: replacing the loaded ${complete.map((run) => run.scale).join(', ')} seed`);
  const seed = await seedStage(stage, { scale: wanted, seed: config.seed.seed, analytics: config.seed.analytics, referenceDate, replace: complete.length > 0 });
  return { scale: wanted.name, seed };
}

async function loadedScale(session: TargetSession): Promise<string | undefined> {
  const { rows } = await session.client.query<{ present: boolean }>(`SELECT to_regclass('gomflow_loadtest.seed_runs') IS NOT NULL AS present`);
  if (!rows[0]?.present) return undefined;
  return (await listSeedRuns(session.client)).filter((run) => run.status === 'complete').at(-1)?.scale;
}
