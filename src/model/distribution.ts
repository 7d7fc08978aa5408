import type { Distribution } from './schema.js';

/** A distribution in words: `distributed by tenant_id, colocated with public.accounts, 8 shards`, or `reference`. */
export function describeDistribution(distribution: Distribution | undefined): string | undefined {
  if (!distribution) return undefined;
  if (distribution.kind === 'reference') return 'reference';
  const parts = [`distributed by ${distribution.column}`];
  if (distribution.colocateWith) parts.push(`colocated with ${distribution.colocateWith}`);
  if (distribution.shardCount !== undefined) parts.push(`${distribution.shardCount} shards`);
  return parts.join(', ');
}

/**
 * Distributions with every colocation group written one way: each member but the first (by
 * table id) colocates with the first. Definitions name any member (`colocateWith: 'accounts'`),
 * Citus records only a group number; this form is what both compare in.
 */
export function normalizeColocation(distributions: Record<string, Distribution>): Record<string, Distribution> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const up = parent.get(id) ?? id;
    if (up === id) return id;
    const root = find(up);
    parent.set(id, root);
    return root;
  };
  for (const d of Object.values(distributions)) {
    if (d.kind === 'distributed' && d.colocateWith && distributions[d.colocateWith]) {
      const [a, b] = [find(d.table), find(d.colocateWith)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const first = new Map<string, string>();
  for (const id of Object.keys(distributions).sort()) if (!first.has(find(id))) first.set(find(id), id);
  const out: Record<string, Distribution> = {};
  for (const id of Object.keys(distributions).sort()) {
    const d = distributions[id]!;
    if (d.kind !== 'distributed') {
      out[id] = d;
      continue;
    }
    const { colocateWith: _declared, ...rest } = d;
    const leader = first.get(find(id))!;
    out[id] = leader === id ? rest : { ...rest, colocateWith: leader };
  }
  return out;
}

/** The colocation groups of the distributed tables, each sorted, members of groups of one left out. */
export function colocationGroups(distributions: Record<string, Distribution>): string[][] {
  const groups = new Map<string, string[]>();
  for (const d of Object.values(normalizeColocation(distributions))) {
    if (d.kind !== 'distributed') continue;
    const leader = d.colocateWith ?? d.table;
    groups.set(leader, [...(groups.get(leader) ?? []), d.table]);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort());
}
