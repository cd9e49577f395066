import type { CheckResult } from '../results/resultsModel.ts';

/** One of Supabase's advisor lints with the checks that report it. */
export interface SplinterGroup {
  /** `0011_function_search_path_mutable`. */
  id: string;
  /** Splinter's level: ERROR, WARN or INFO. */
  level: 'ERROR' | 'WARN' | 'INFO';
  entries: { check: CheckResult; findings: number }[];
}

export interface SplinterGrouping {
  /** In splinter's order (by lint number). */
  groups: SplinterGroup[];
  /** Checks that report what no splinter lint does (live probes, policies without TO …). */
  beyond: CheckResult[];
}

/**
 * The checks by the splinter lint they correspond to. A check tagged with several lints counts, in
 * each group, the evidence rows that name that lint; a passing check counts no findings.
 */
export function groupBySplinter(checks: readonly CheckResult[]): SplinterGrouping {
  const groups = new Map<string, SplinterGroup>();
  for (const check of checks) {
    for (const tag of check.splinter ?? []) {
      const group = groups.get(tag.id) ?? { id: tag.id, level: tag.level, entries: [] };
      groups.set(tag.id, group);
      group.entries.push({ check, findings: findingsFor(check, tag.id) });
    }
  }
  return {
    groups: [...groups.values()].sort((a, b) => a.id.localeCompare(b.id)),
    beyond: checks.filter((check) => !check.splinter?.length && check.beyondSplinter),
  };
}

function findingsFor(check: CheckResult, id: string): number {
  if (check.status === 'pass' || check.status === 'skip') return 0;
  const tagged = check.evidence.filter((row) => typeof row.splinter === 'string');
  if (tagged.length === 0) return check.evidence.length;
  return tagged.filter((row) => row.splinter === id).length;
}
