import type { Row, SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { DAY_MS } from './dailyCycle.ts';
import { staffAt, staffSinceMs } from './gomPicks.ts';
import { SERVICES } from './services.ts';

/**
 * monitoring_dashboards: the platform team's boards, in dashboardService's widget shape
 * ({ id, type, title, config, position }). shared_with holds only staff user ids (UUIDs):
 * the table's SELECT policy in the monitoring migration casts it to uuid[].
 */
interface Widget {
  id: string;
  type: 'metric' | 'chart' | 'status' | 'alert' | 'logs';
  title: string;
  config: Record<string, unknown>;
  position: { x: number; y: number; w: number; h: number };
}

function grid(widgets: Omit<Widget, 'position' | 'id'>[]): Widget[] {
  return widgets.map((w, i) => ({ id: `w${i + 1}`, ...w, position: { x: (i % 3) * 4, y: Math.floor(i / 3) * 4, w: 4, h: 4 } }));
}

const chart = (title: string, metric: string, service: string, warning: number, critical: number): Omit<Widget, 'position' | 'id'> => ({
  type: 'chart', title, config: { metric, service, timeRange: '6h', chartType: 'line', refreshInterval: 30, thresholds: { warning, critical } },
});

const BOARDS: readonly { name: string; description: string | null; isPublic: boolean; widgets: Widget[] }[] = [
  {
    name: 'GOMFLOW Production Overview',
    description: 'Health of all 9 services, active alerts and traffic.',
    isPublic: true,
    widgets: grid([
      { type: 'status', title: 'Service health', config: { refreshInterval: 30 } },
      { type: 'alert', title: 'Active alerts', config: { refreshInterval: 30 } },
      chart('Core requests per minute', 'requests_per_minute', 'gomflow-core', 1500, 3000),
      ...SERVICES.slice(0, 6).map((p) => chart(`${p.name} CPU`, 'cpu_usage', p.name, 70, 80)),
    ]),
  },
  {
    name: 'Payments (PayMongo & Billplz)',
    description: 'Gateway latency and webhook errors, PH and MY.',
    isPublic: false,
    widgets: grid([
      chart('Payments response time', 'response_time_ms', 'gomflow-payments', 1000, 2000),
      chart('Payments error rate', 'error_rate', 'gomflow-payments', 2, 5),
      { type: 'logs', title: 'Payment errors', config: { service: 'gomflow-payments', timeRange: '24h' } },
    ]),
  },
  {
    name: 'Messaging bots',
    description: 'WhatsApp, Telegram and Discord queues and error rates.',
    isPublic: false,
    widgets: grid(['gomflow-whatsapp', 'gomflow-telegram', 'gomflow-discord'].flatMap((s) => [chart(`${s} queue depth`, 'queue_depth', s, 500, 1000), chart(`${s} error rate`, 'error_rate', s, 2, 5)])),
  },
  {
    name: 'Database',
    description: 'Connections against max_connections = 100; slow queries.',
    isPublic: false,
    widgets: grid([
      { type: 'metric', title: 'Database connections', config: { metric: 'db_connections', service: 'gomflow-core', thresholds: { warning: 60, critical: 80 } } },
      chart('Core response time', 'response_time_ms', 'gomflow-core', 1000, 2000),
      { type: 'logs', title: 'Slow queries', config: { service: 'gomflow-core', timeRange: '1h' } },
    ]),
  },
  {
    name: 'Drop night war room',
    description: 'Everything that moves when a big drop opens at 20:00 PH/MY.',
    isPublic: true,
    widgets: grid([
      chart('Core requests per minute', 'requests_per_minute', 'gomflow-core', 1500, 3000),
      chart('Notifications queue', 'queue_depth', 'gomflow-notifications', 500, 1000),
      chart('Smart agent response time', 'response_time_ms', 'gomflow-smart-agent', 5000, 8000),
      { type: 'alert', title: 'Active alerts', config: { refreshInterval: 10 } },
    ]),
  },
  {
    name: 'On-call: my services',
    description: null,
    isPublic: false,
    widgets: grid([{ type: 'alert', title: 'Mine', config: { refreshInterval: 60 } }, { type: 'logs', title: 'Errors (1h)', config: { timeRange: '1h' } }]),
  },
];

export const monitoringDashboardsSpec: TableSpec = {
  table: 'public.monitoring_dashboards',
  columns: ['id', 'name', 'description', 'widgets', 'is_public', 'created_by', 'shared_with', 'created_at', 'updated_at'],
  dependsOn: ['public.profiles'],
  estimateRows: () => BOARDS.length,
  rows: (ctx) => dashboardRows(ctx),
};

function* dashboardRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.monitoring_dashboards');
  const referenceMs = ctx.referenceDate.getTime();
  for (let i = 0; i < BOARDS.length; i += 1) {
    const board = BOARDS[i]!;
    const createdMs = Math.max(referenceMs - (40 - i * 3) * DAY_MS, staffSinceMs(ctx) + (i + 1) * 3_600_000);
    const owner = staffAt(ctx, i, createdMs);
    const shared = [staffAt(ctx, i + 1, createdMs), staffAt(ctx, i + 2, createdMs)].filter((u): u is string => u !== null && u !== owner);
    yield [
      id(i), board.name, board.description, board.widgets, board.isPublic, owner,
      board.isPublic ? [] : [...new Set(shared)], new Date(createdMs), new Date(Math.min(referenceMs, createdMs + (i % 2 === 0 ? 9 : 1) * DAY_MS)),
    ];
  }
}
