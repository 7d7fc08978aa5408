import { createAggregate, dropAggregate, replaceAggregate } from './aggregate.js';
import { alterColumn } from './alter-column.js';
import { setColumnSettings } from './column-settings.js';
import { alterStatistics, createStatistics, dropStatistics } from './statistics.js';
import { createCollation, dropCollation } from './collation.js';
import { setComment } from './comment.js';
import { copyRows } from './copy-rows.js';
import { alterCompositeType, createCompositeType, dropCompositeType } from './composite.js';
import { createRangeType, dropRangeType } from './range.js';
import { attachPartition, detachPartition, inherit, noInherit } from './partition.js';
import { setDefaultPrivileges } from './default-privileges.js';
import { rename } from './rename.js';
import { createRoutine, dropRoutine, replaceRoutine } from './routine.js';
import { alterPolicy, createPolicy, dropPolicy, setGrants, setRowLevelSecurity } from './security.js';
import type { Renderers } from './step.js';
import { addColumn, addConstraint, alterConstraint, createTable, dropColumn, dropConstraint, dropTable, setLogged, validateConstraint } from './table.js';
import { createIndex, createTrigger, dropIndex, dropTrigger } from './trigger-index.js';
import {
  addEnumValue, alterDomain, alterExtension, alterSequence, replaceDomain, replaceEnum, createDomain, createEnum, createExtension, createNamespace, createSequence,
  dropDomain, dropEnum, dropExtension, dropNamespace, dropSequence,
} from './types.js';
import { createView, dropView, replaceView } from './view.js';
import { addPublicationTable, alterPublication, createPublication, dropPublication, dropPublicationTable } from './publication.js';
import { setReplicaIdentity, setStorage } from './storage.js';
import { alterDistribution, distributeTable, undistributeTable } from './distribution.js';

/** One renderer per change kind: a new kind without SQL fails the type check here. */
export const renderers: Renderers = {
  'create namespace': createNamespace,
  'drop namespace': dropNamespace,
  'create extension': createExtension,
  'drop extension': dropExtension,
  'create collation': createCollation,
  'drop collation': dropCollation,
  'alter extension': alterExtension,
  'create enum': createEnum,
  'drop enum': dropEnum,
  'add enum value': addEnumValue,
  'replace enum': replaceEnum,
  'create domain': createDomain,
  'drop domain': dropDomain,
  'alter domain': alterDomain,
  'replace domain': replaceDomain,
  'create composite type': createCompositeType,
  'drop composite type': dropCompositeType,
  'alter composite type': alterCompositeType,
  'create range type': createRangeType,
  'drop range type': dropRangeType,
  'create sequence': createSequence,
  'drop sequence': dropSequence,
  'alter sequence': alterSequence,
  'create table': createTable,
  'drop table': dropTable,
  'copy rows': copyRows,
  'add column': addColumn,
  'drop column': dropColumn,
  'alter column': alterColumn,
  'create statistics': createStatistics,
  'drop statistics': dropStatistics,
  'alter statistics': alterStatistics,
  'set column settings': setColumnSettings,
  'add constraint': addConstraint,
  'drop constraint': dropConstraint,
  'validate constraint': validateConstraint,
  'alter constraint': alterConstraint,
  'create index': createIndex,
  'drop index': dropIndex,
  'attach partition': attachPartition,
  'detach partition': detachPartition,
  inherit,
  'no inherit': noInherit,
  'create routine': createRoutine,
  'replace routine': replaceRoutine,
  'drop routine': dropRoutine,
  'create aggregate': createAggregate,
  'replace aggregate': replaceAggregate,
  'drop aggregate': dropAggregate,
  'create view': createView,
  'replace view': replaceView,
  'drop view': dropView,
  'create trigger': createTrigger,
  'drop trigger': dropTrigger,
  'set row level security': setRowLevelSecurity,
  'set logged': setLogged,
  'set replica identity': setReplicaIdentity,
  'set storage': setStorage,
  'create publication': createPublication,
  'drop publication': dropPublication,
  'alter publication': alterPublication,
  'add publication table': addPublicationTable,
  'drop publication table': dropPublicationTable,
  'create policy': createPolicy,
  'alter policy': alterPolicy,
  'drop policy': dropPolicy,
  'set grants': setGrants,
  'set default privileges': setDefaultPrivileges,
  'set comment': setComment,
  'distribute table': distributeTable,
  'undistribute table': undistributeTable,
  'alter distribution': alterDistribution,
  rename,
};
