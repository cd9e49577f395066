import type { TableSpec } from '../types.ts';
import { analyticsAbTestsSpec } from './config/abTestsSpec.ts';
import { analyticsAlertsSpec } from './config/alertsSpec.ts';
import { analyticsCohortsSpec } from './config/cohortsSpec.ts';
import { analyticsDashboardsSpec } from './config/dashboardsSpec.ts';
import { analyticsExportJobsSpec } from './config/exportJobsSpec.ts';
import { analyticsFunnelsSpec } from './config/funnelsSpec.ts';
import { analyticsReportsSpec } from './config/reportsSpec.ts';
import { analyticsSegmentsSpec } from './config/segmentsSpec.ts';

/** The 8 configuration-sized analytics tables (schema §2.3; events, sessions and aggregations are elsewhere). */
export const ANALYTICS_CONFIG_SPECS: readonly TableSpec[] = [
  analyticsReportsSpec,
  analyticsAlertsSpec,
  analyticsExportJobsSpec,
  analyticsDashboardsSpec,
  analyticsFunnelsSpec,
  analyticsCohortsSpec,
  analyticsSegmentsSpec,
  analyticsAbTestsSpec,
];
