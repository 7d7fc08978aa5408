import type { Change } from '../../model/change.js';
import { nameOf } from './names.js';
import { statement, type Render } from './step.js';

export const attachPartition: Render<Extract<Change, { kind: 'attach partition' }>> = ({ table, partitionOf }) => [
  statement(`ALTER TABLE ${nameOf(partitionOf.parent)} ATTACH PARTITION ${nameOf(table)} ${partitionOf.bound}`, [
    { code: 'LONG_LOCK', message: `attaching ${table} scans its rows against the bound (and a default partition of ${partitionOf.parent}) under lock` },
  ]),
];

export const detachPartition: Render<Extract<Change, { kind: 'detach partition' }>> = ({ table, partitionOf }) => [
  statement(`ALTER TABLE ${nameOf(partitionOf.parent)} DETACH PARTITION ${nameOf(table)}`),
];

export const inherit: Render<Extract<Change, { kind: 'inherit' }>> = ({ table, parent }) => [statement(`ALTER TABLE ${nameOf(table)} INHERIT ${nameOf(parent)}`)];

export const noInherit: Render<Extract<Change, { kind: 'no inherit' }>> = ({ table, parent }) => [statement(`ALTER TABLE ${nameOf(table)} NO INHERIT ${nameOf(parent)}`)];
