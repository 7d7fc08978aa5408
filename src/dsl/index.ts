export { sql, type SqlText, type SqlInput } from './sql.js';
export { ColumnBuilder, type ReferenceOptions, type IndexOptions, type TableTarget } from './column.js';
export {
  column, uuid, text, varchar, char, smallint, integer, bigint, numeric, real, doublePrecision, boolean, date, time,
  timestamp, timestamptz, interval, json, jsonb, bytea, inet, cidr, tsvector,
  enumType, domain, compositeType, sequence, extension, schema, type EnumDef, type DomainDef, type CompositeTypeDef, type CompositeTypeOptions, type SequenceDef, type ExtensionDef, type NamespaceDef, type GrantInput,
} from './types.js';
export { rangeType, type RangeTypeDef, type RangeTypeOptions } from './range.js';
export { table, trigger, type TriggerDef, type TableDef, type TableOptions, type IndexInput, type TriggerInput, type PolicyInput, type ForeignKeyInput, type StorageInput } from './table.js';
export { policy, type PolicyDef } from './policy.js';
export { collation, type CollationDef, type CollationOptions } from './collation.js';
export { publication, type PublicationDef, type PublicationOptions, type PublicationMember } from './publication.js';
export { view, materializedView, type ViewDef, type ViewOptions } from './view.js';
export { rpc, procedure, triggerFunction, type RoutineDef, type RoutineOptions } from './routine.js';
export { aggregate, type AggregateDef, type AggregateOptions, type AggregateFunction, type AggregateArgumentInput } from './aggregate.js';
export { system, type SystemDef, type SystemOptions } from './system.js';
export { defaultPrivileges, type DefaultPrivilegesDef, type DefaultPrivilegesOptions } from './default-privileges.js';
export { buildSchema, isDefinition, type Definition } from './build.js';
