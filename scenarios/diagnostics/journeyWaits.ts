import type pg from 'pg';
import { INTERNAL_MARK } from '../../bench/sampleParams.ts';
import type { JourneyWaits } from '../../results/resultsModel.ts';
import { JOURNEY_TAG_PREFIX } from './journeyTag.ts';

/** One active backend of a journey at one sampling instant. */
export interface ActiveBackend {
  tag: string;
  /** `Lock:transactionid`, `IO:DataFileRead` …, or `CPU` when it waits on nothing (running, as ASH tools call it). */
  wait: string;
  /** application_names of the backends blocking it (heavyweight locks only). */
  blockedBy: string[];
}

/** How often backends are sampled: a second (the series' interval) would see a 50 ms lock wait by luck only. */
export const WAIT_SAMPLE_MS = 100;

const ACTIVE_SQL = `${INTERNAL_MARK}
SELECT a.application_name AS tag, coalesce(a.wait_event_type || ':' || a.wait_event, 'CPU') AS wait,
       CASE WHEN a.wait_event_type = 'Lock' THEN (SELECT coalesce(array_agg(DISTINCT b.application_name), '{}') FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(a.pid))) ELSE '{}' END AS blocked_by
FROM pg_stat_activity a
WHERE a.state = 'active' AND a.datname = current_database() AND a.pid <> pg_backend_pid() AND starts_with(a.application_name, $1)`;

/**
 * Samples the active backends of the load's journeys (their application_name, journeyTag) every
 * WAIT_SAMPLE_MS on the command's own connection until stopped, like an active-session
 * history: the share of a journey's samples spent on each wait is its wait profile.
 */
export function sampleJourneyWaits(client: pg.Client, everyMs = WAIT_SAMPLE_MS): { stop(): Promise<ActiveBackend[]> } {
  const seen: ActiveBackend[] = [];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const tick = () => {
    inFlight = client
      .query<{ tag: string; wait: string; blocked_by: string[] }>(ACTIVE_SQL, [JOURNEY_TAG_PREFIX])
      .then(({ rows }) => void seen.push(...rows.map((row) => ({ tag: row.tag, wait: row.wait, blockedBy: row.blocked_by }))))
      // A failed sample is a gap in the profile, never a failed run.
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      return seen;
    },
  };
}

/** The samples of each journey grouped by wait, and who held the locks it waited on (by journey where the blocker is one). Pure. */
export function tallyJourneyWaits(samples: readonly ActiveBackend[], journeyOf: ReadonlyMap<string, string>): Map<string, JourneyWaits> {
  const byJourney = new Map<string, JourneyWaits>();
  for (const sample of samples) {
    const journey = journeyOf.get(sample.tag);
    if (!journey) continue;
    const waits = byJourney.get(journey) ?? { samples: 0, events: {}, blockedBy: {} };
    waits.samples += 1;
    waits.events[sample.wait] = (waits.events[sample.wait] ?? 0) + 1;
    for (const tag of sample.blockedBy) {
      const blocker = journeyOf.get(tag) ?? (tag || 'another session');
      waits.blockedBy[blocker] = (waits.blockedBy[blocker] ?? 0) + 1;
    }
    byJourney.set(journey, waits);
  }
  return byJourney;
}
