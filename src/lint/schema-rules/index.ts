import type { SchemaRule } from '../rule.js';
import { anonWriteGrantWithoutPolicy, authUsersExposed, materializedViewInApi, securityDefinerView, sensitiveColumnReadableByAnon } from './exposure.js';
import { duplicateIndex, noPrimaryKey, unindexedForeignKeys } from './indexes.js';
import { nameWithDot } from './names.js';
import { extensionInPublic, fkeyToAuthUnique, functionSearchPathMutable } from './objects.js';
import { allPolicyWithoutWithCheck, anonPolicyAlwaysTrue, authRlsInitplan, multiplePermissivePolicies, rlsReferencesUserMetadata } from './policies.js';
import { policyExistsRlsDisabled, rlsDisabledInPublic, rlsEnabledNoPolicy } from './rls.js';

/** Rule set 1: the advisor rules on a model, in report order. */
export const schemaRules: SchemaRule[] = [
  rlsDisabledInPublic,
  policyExistsRlsDisabled,
  rlsEnabledNoPolicy,
  authRlsInitplan,
  multiplePermissivePolicies,
  rlsReferencesUserMetadata,
  securityDefinerView,
  functionSearchPathMutable,
  unindexedForeignKeys,
  duplicateIndex,
  noPrimaryKey,
  extensionInPublic,
  authUsersExposed,
  materializedViewInApi,
  fkeyToAuthUnique,
  anonPolicyAlwaysTrue,
  allPolicyWithoutWithCheck,
  anonWriteGrantWithoutPolicy,
  sensitiveColumnReadableByAnon,
  nameWithDot,
];
