import { ANALYTICS_CONFIG_SPECS } from './analytics/config.ts';
import { analyticsAggregationsSpec } from './analytics/aggregations.ts';
import { analyticsEventsSpec } from './analytics/events.ts';
import { analyticsUserSessionsSpec } from './analytics/sessions.ts';
import { authIdentitiesSpec } from './core/authIdentities.ts';
import { authUsersSpec } from './core/authUsers.ts';
import { messagesSpec } from './core/messages.ts';
import { ordersSpec } from './core/orders.ts';
import { paymentTransactionsSpec } from './core/paymentTransactions.ts';
import { platformConnectionsSpec } from './core/platformConnections.ts';
import { platformPostsSpec } from './core/platformPosts.ts';
import { profilesSpec } from './core/profiles.ts';
import { submissionsSpec } from './core/submissions.ts';
import { MONITORING_SPECS } from './monitoring/index.ts';
import { notificationDeliveriesSpec } from './notifications/notificationDeliveries.ts';
import { notificationsSpec } from './notifications/notifications.ts';
import { userDevicesSpec } from './notifications/userDevices.ts';
import type { TableSpec } from './types.ts';

/**
 * Every seeded table, parents before children (each spec's dependsOn names its parents).
 * Not here: notification_preferences, which the profiles insert trigger fills (see
 * core/profiles.ts), and notification_templates, which the schema file seeds.
 */
export const ALL_TABLE_SPECS: readonly TableSpec[] = [
  authUsersSpec,
  authIdentitiesSpec,
  profilesSpec,
  ordersSpec,
  platformConnectionsSpec,
  userDevicesSpec,
  submissionsSpec,
  platformPostsSpec,
  paymentTransactionsSpec,
  messagesSpec,
  notificationsSpec,
  notificationDeliveriesSpec,
  analyticsEventsSpec,
  analyticsUserSessionsSpec,
  analyticsAggregationsSpec,
  ...ANALYTICS_CONFIG_SPECS,
  ...MONITORING_SPECS,
];
