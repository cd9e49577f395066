import { randomInt } from 'node:crypto';
import type pg from 'pg';
import { runUuid } from '../../../generators/runUuid.ts';
import { ALL_TABLE_SPECS } from '../../../generators/tables.ts';
import { TABLE_CODES } from '../../../generators/types.ts';
import { cleanRun } from '../../../seed/cleanRun.ts';
import { runRowCounts } from '../../../seed/runRows.ts';
import { applyHarnessSchema } from '../../../stack/schema/applySchema.ts';
import { finishSeedRun, getSeedRun, startScenarioRun } from '../../../seed/seedRuns.ts';
import { runIdOf } from '../../../seed/runSeed.ts';

export type WrittenTable = keyof typeof TABLE_CODES;

/**
 * The rows one scenario writes carry its run in their ids exactly as seeded rows do
 * (generators/runUuid.ts), and the run is recorded in gomflow_loadtest.seed_runs as kind
 * scenario with its name: clean-up is then the seed's own exact range delete, and rows kept
 * with --keep show in `seed list` and go with `seed clean --run ID`.
 */
export class ScenarioRows {
  private readonly sequences = new Map<WrittenTable, number>();

  private constructor(readonly runTag: number) {}

  get runId(): string {
    return runIdOf(this.runTag);
  }

  /** Records a new run under a tag no other run has (the harness schema brought up to date first: a remote target may hold an older one). */
  static async open(client: pg.Client, scenario: string): Promise<ScenarioRows> {
    await applyHarnessSchema(client);
    for (let attempt = 0; attempt < 20; attempt++) {
      const tag = randomInt(1, 2 ** 32 - 1);
      if (await getSeedRun(client, runIdOf(tag))) continue;
      await startScenarioRun(client, { id: runIdOf(tag), scenario, referenceDate: new Date() });
      return new ScenarioRows(tag);
    }
    throw new Error('could not find a free run tag for the scenario rows after 20 attempts');
  }

  nextId(table: WrittenTable): string {
    const next = (this.sequences.get(table) ?? 0) + 1;
    this.sequences.set(table, next);
    return runUuid(this.runTag, TABLE_CODES[table], next);
  }

  /** Ids handed out per table (rows of failed transactions included: they were rolled back). */
  counts(): Record<string, number> {
    return Object.fromEntries(this.sequences);
  }

  /** Deletes exactly the run's rows and marks it cleaned; returns how many rows went. */
  async remove(client: pg.Client): Promise<number> {
    const removed = await cleanRun(client, this.runTag, ALL_TABLE_SPECS);
    await finishSeedRun(client, this.runId, 'cleaned', this.counts());
    return removed;
  }

  /** Keeps the rows (--keep): the run is complete with the rows it holds per table (rolled-back ids are not rows); returns how many. */
  async keep(client: pg.Client): Promise<number> {
    const counts = await runRowCounts(client, this.runTag, ALL_TABLE_SPECS);
    await finishSeedRun(client, this.runId, 'complete', counts);
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }
}
