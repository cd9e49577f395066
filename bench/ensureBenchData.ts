import { GomflowError } from '../core/errors.ts';
import { formatCount } from '../core/format.ts';
import { completeSeeds, listSeedRuns, type SeedRunRecord } from '../seed/seedRuns.ts';
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
  const runs = await listSeedRuns(client);
  const complete = completeSeeds(runs);
  const wanted = resolveScale(scaleArg ?? config.seed.scale, config.seed.scales);
  const matching = complete.some((run) => run.scale === wanted.name);
  if (matching || (scaleArg === undefined && complete.length > 0)) {
    const scale = matching ? wanted.name : complete.at(-1)!.scale!;
    if (!matching) events.note(`benchmarking the loaded ${scale} seed (pass --scale ${wanted.name} to seed that instead)`);
    for (const kept of keptScenarioRuns(runs)) events.note(`the data also holds ${describeKept(kept)}`);
    return { scale, seed: undefined };
  }
  events.note(complete.length === 0 ? `no seeded data yet: seeding ${wanted.name} first` : `--scale ${wanted.name}: replacing the loaded ${complete.map((run) => run.scale).join(', ')} seed`);
  const seed = await seedStage(stage, { scale: wanted, seed: config.seed.seed, analytics: config.seed.analytics, referenceDate, replace: complete.length > 0 });
  return { scale: wanted.name, seed };
}

async function loadedScale(session: TargetSession): Promise<string | undefined> {
  const { rows } = await session.client.query<{ present: boolean }>(`SELECT to_regclass('gomflow_loadtest.seed_runs') IS NOT NULL AS present`);
  if (!rows[0]?.present) return undefined;
  return completeSeeds(await listSeedRuns(session.client)).at(-1)?.scale ?? undefined;
}

/** Scenario runs whose rows were kept (load --keep): they are measured along with the seed. */
function keptScenarioRuns(runs: readonly SeedRunRecord[]): SeedRunRecord[] {
  return runs.filter((run) => run.kind === 'scenario' && run.status === 'complete');
}

/** "the 1,204 rows the load scenario smoke kept (run 0a1b2c3d; seed clean --run 0a1b2c3d removes them)" */
export function describeKept(run: SeedRunRecord): string {
  const rows = Object.values(run.counts).reduce((sum, n) => sum + n, 0);
  return `the ${formatCount(rows)} rows the load scenario ${run.scenario} kept (run ${run.id}; seed clean --run ${run.id} removes them)`;
}
