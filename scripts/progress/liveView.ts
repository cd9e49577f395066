import { formatMs } from '../../core/format.ts';
import type { TimelinePoint } from '../../results/resultsModel.ts';
import { stageProgress, type StageProgress } from './stageProgress.ts';
import { textBar } from './textBar.ts';

/** How the live view draws: in place on a terminal, timestamped lines in a log, or nothing but the end. */
export type LiveMode = 'tty' | 'lines' | 'quiet';

/** What `run` tells its live view besides the stages' own events. */
export interface LiveView extends StageProgress {
  /** A stage begins: "2/5 seed", with what it works on. */
  stageStart(stage: string, index: number, total: number, detail: string): void;
  /** A load scenario begins; expectedMs (when known) gives the bar its end. */
  scenarioStart(name: string, expectedMs: number | undefined): void;
  /** One interval of the running scenario (the engine's per-second point). */
  scenarioTick(name: string, point: TimelinePoint): void;
  /** A stage's finished result (tables), shown unless quiet. */
  show(text: string): void;
}

export interface LiveViewOptions {
  mode: LiveMode;
  /** --json: each event as one JSON object on its own line (stdout). */
  json?: (event: Record<string, unknown>) => void;
  stream?: NodeJS.WriteStream;
  /** Off a terminal, load and bench figures are written at most this often, ms. Default 5000. */
  intervalMs?: number;
  now?: () => Date;
}

/** The mode for a stream: in place on a terminal, lines otherwise; --quiet wins. */
export function liveMode(stream: NodeJS.WriteStream, quiet: boolean): LiveMode {
  if (quiet) return 'quiet';
  return stream.isTTY ? 'tty' : 'lines';
}

/**
 * The one live view of a run on stderr: the stage, a progress bar and the figures that matter
 * now — rows/s while seeding (the seed bars or per-table lines), the query being benchmarked, and
 * req/s, p95, errors and connections while loading. On a terminal the load line is redrawn in
 * place each second; in a log it is a timestamped line every intervalMs.
 */
export function liveView(options: LiveViewOptions): LiveView {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 5_000;
  const json = options.json ?? (() => undefined);
  const stamp = (line: string) => `[${now().toISOString().slice(11, 19)}] ${line}`;
  const quiet = options.mode === 'quiet';
  const base = quiet ? silentProgress() : stageProgress(stream, options.mode === 'lines' ? stamp : (line) => line);
  // The running scenario: the points since the last line written, and the previous point's end (per-second figures).
  let scenario = { name: '', expectedMs: undefined as number | undefined, window: [] as TimelinePoint[], windowStart: 0, previousT: 0 };
  let lastBenchLine = 0;
  let liveLine = false;
  // Before any other line: the terminal's live line goes, the log's unwritten load seconds are written.
  const clearLine = () => {
    if (liveLine) stream.write('\r\u001b[K');
    liveLine = false;
    if (options.mode === 'lines' && scenario.window.length > 0) writeWindow();
  };
  const writeWindow = () => {
    const end = scenario.window.at(-1)!.t;
    stream.write(`${stamp(loadLine(scenario.name, end, scenario.expectedMs, figures(scenario.window, scenario.windowStart)))}\n`);
    scenario.windowStart = end;
    scenario.window = [];
  };
  return {
    ...base,
    note(message) {
      clearLine();
      base.note(message);
      json({ type: 'note', message });
    },
    stageStart(stage, index, total, detail) {
      clearLine();
      base.note(`${index}/${total} ${stage}${detail ? `: ${detail}` : ''}`);
      json({ type: 'stage', stage, index, total, detail });
    },
    tableDone(result) {
      base.tableDone(result);
      json({ type: 'seed', table: result.table, rows: result.rows, ms: result.ms });
    },
    taskStart(task, index, total, phase) {
      json({ type: 'bench', query: task.query.name, role: task.role, index: index + 1, total });
      if (options.mode === 'tty') base.taskStart?.(task, index, total, phase);
      else if (options.mode === 'lines' && (index === 0 || now().getTime() - lastBenchLine >= intervalMs)) {
        lastBenchLine = now().getTime();
        stream.write(`${stamp(`bench ${textBar(index / total)} ${index + 1}/${total} ${task.query.name}`)}\n`);
      }
    },
    scenarioStart(name, expectedMs) {
      clearLine();
      scenario = { name, expectedMs, window: [], windowStart: 0, previousT: 0 };
    },
    scenarioTick(name, point) {
      const second = figures([point], scenario.previousT);
      scenario.previousT = point.t;
      json({ type: 'tick', scenario: name, t: point.t, ...second });
      if (quiet) return;
      if (options.mode === 'tty') {
        stream.write(`\r\u001b[K${loadLine(name, point.t, scenario.expectedMs, second)}`);
        liveLine = true;
        return;
      }
      scenario.window.push(point);
      if (point.t - scenario.windowStart >= intervalMs) writeWindow();
    },
    show(text) {
      if (quiet) return;
      clearLine();
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    stop() {
      clearLine();
      base.stop();
    },
  };
}

/** What matters while loading, over the points since `fromMs`: req/s, the worst second's p95, errors, connections now. */
export interface LoadFigures {
  rps: number;
  p95Ms: number;
  errors: number;
  connections: number | undefined;
}

function figures(points: readonly TimelinePoint[], fromMs: number): LoadFigures {
  const last = points.at(-1);
  const seconds = Math.max(((last?.t ?? fromMs) - fromMs) / 1000, 1e-3);
  return {
    rps: Math.round(points.reduce((sum, point) => sum + point.requests, 0) / seconds),
    p95Ms: Math.max(0, ...points.map((point) => point.p95Ms)),
    errors: points.reduce((sum, point) => sum + point.errors, 0),
    connections: last?.connections,
  };
}

function loadLine(name: string, t: number, expectedMs: number | undefined, f: LoadFigures): string {
  const progress = expectedMs ? `${textBar(t / expectedMs)} ${Math.round(t / 1000)}/${Math.round(expectedMs / 1000)} s` : `${Math.round(t / 1000)} s`;
  const connections = f.connections === undefined ? '' : `  conn ${f.connections}`;
  return `load ${name} ${progress}  ${f.rps} req/s  p95 ${formatMs(f.p95Ms)} ms  errors ${f.errors}${connections}`;
}

/** --quiet: the stages' events go nowhere. */
function silentProgress(): StageProgress {
  const nothing = () => undefined;
  return { note: nothing, tableStart: nothing, tableProgress: nothing, tableDone: nothing, taskStart: nothing, stop: nothing };
}
