import type { Options } from 'k6/options';
import type { SummaryMetrics } from './gomflowSection.ts';
import type { ScriptSetup } from './readSetup.ts';

/** What every entry script exports besides its exec functions: k6's lifecycle, options → setup → … → teardown → handleSummary. */
export interface K6Script {
  options: Options;
  setup: () => ScriptSetup;
  teardown?: (data: ScriptSetup) => void;
  handleSummary: (data: SummaryMetrics & Record<string, unknown>) => Record<string, string>;
}
