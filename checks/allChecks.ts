import { schemaAdaptations } from './adaptationsCheck.ts';
import type { CheckDefinition } from './checkTypes.ts';
import { checklistSql } from './checklistSql.ts';
import { authRlsInitplan } from './lints/authRlsInitplan.ts';
import { authUsersExposed } from './lints/authUsersExposed.ts';
import { duplicateIndexes } from './lints/duplicateIndexes.ts';
import { extensionInPublic } from './lints/extensionInPublic.ts';
import { fkeyToAuthUnique } from './lints/fkeyToAuthUnique.ts';
import { functionSearchPathMutable } from './lints/functionSearchPathMutable.ts';
import { multiplePermissivePolicies } from './lints/multiplePermissivePolicies.ts';
import { noPrimaryKey } from './lints/noPrimaryKey.ts';
import { policyAlwaysTrue } from './lints/policyAlwaysTrue.ts';
import { policyExistsRlsDisabled } from './lints/policyExistsRlsDisabled.ts';
import { policyNoRole } from './lints/policyNoRole.ts';
import { publicBucketAllowsListing } from './lints/publicBucketAllowsListing.ts';
import { rlsNoPolicy } from './lints/rlsNoPolicy.ts';
import { rlsReferencesUserMetadata } from './lints/rlsReferencesUserMetadata.ts';
import { sensitiveColumnsExposed } from './lints/sensitiveColumnsExposed.ts';
import { securityDefinerFunctions } from './lints/securityDefinerFunctions.ts';
import { securityDefinerViews } from './lints/securityDefinerViews.ts';
import { unindexedForeignKeys } from './lints/unindexedForeignKeys.ts';
import { unusedIndex } from './lints/unusedIndex.ts';
import { adminPolicies } from './probes/adminPolicies.ts';
import { anonAccess } from './probes/anonAccess.ts';
import { anonPaidSubmission } from './probes/anonSubmission.ts';
import { securityDefinerCalls } from './probes/definerCalls.ts';
import { functionsExecutable, functionsSampleData, triggersSampleOperations } from './probes/functionChecks.ts';
import { serviceRoleAccess } from './probes/serviceRole.ts';
import { storageAccess } from './probes/storageAccess.ts';
import { userIsolation } from './probes/userIsolation.ts';
import { apiRoleGrants, publicSchemaGrants, serviceRoleGrants, superusers } from './roleChecks.ts';
import { rlsPolicies, schemaFunctions, schemaIndexes, schemaTriggers, schemaViews, templatesLoaded } from './schema/objectChecks.ts';
import { rlsEnabled } from './schema/rlsEnabled.ts';
import { schemaColumns, schemaTableGroups, schemaTables } from './schema/tableChecks.ts';
import { auditLogging, idleTimeout, maxConnections, sslCheck, statementTimeout } from './settingsChecks.ts';
import { slowQueryMonitoring } from './slowQueryChecks.ts';
import { statsAnalyzed } from './statsChecks.ts';
import { storageBuckets, storageMimeTypes, storagePolicies, storageSizeLimits } from './storageChecks.ts';

/** Every check, in report order: schema, settings and roles, storage, lints, probes. */
export const ALL_CHECKS: readonly CheckDefinition[] = [
  // Schema validation (checklist Phase 1 and 2)
  schemaTables,
  ...schemaTableGroups,
  schemaColumns,
  schemaIndexes,
  schemaFunctions,
  schemaTriggers,
  rlsPolicies,
  schemaViews,
  rlsEnabled,
  templatesLoaded,
  schemaAdaptations,
  checklistSql,
  // Settings, roles, grants, statistics
  maxConnections,
  statementTimeout,
  idleTimeout,
  sslCheck,
  auditLogging,
  slowQueryMonitoring,
  superusers,
  publicSchemaGrants,
  apiRoleGrants,
  serviceRoleGrants,
  statsAnalyzed,
  // Storage
  storageBuckets,
  storagePolicies,
  storageSizeLimits,
  storageMimeTypes,
  // Lints over the catalog and the policy expression trees, in splinter's order
  unindexedForeignKeys,
  authUsersExposed,
  authRlsInitplan,
  noPrimaryKey,
  unusedIndex,
  multiplePermissivePolicies,
  policyExistsRlsDisabled,
  rlsNoPolicy,
  duplicateIndexes,
  securityDefinerViews,
  functionSearchPathMutable,
  extensionInPublic,
  rlsReferencesUserMetadata,
  fkeyToAuthUnique,
  sensitiveColumnsExposed,
  policyAlwaysTrue,
  publicBucketAllowsListing,
  securityDefinerFunctions,
  policyNoRole,
  // Probes as real users, always rolled back
  userIsolation,
  anonAccess,
  anonPaidSubmission,
  serviceRoleAccess,
  adminPolicies,
  storageAccess,
  securityDefinerCalls,
  functionsExecutable,
  functionsSampleData,
  triggersSampleOperations,
];
