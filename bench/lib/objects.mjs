/*
 * Everything of a generated schema that is not a table: enums, the shared plpgsql trigger
 * functions, the SECURITY DEFINER RLS helper, views (some on views), materialized views, and
 * SQL and plpgsql functions over the tables.
 */

const words = ['draft', 'active', 'pending', 'approved', 'rejected', 'archived', 'open', 'closed', 'paused', 'failed', 'sent', 'paid', 'overdue', 'cancelled', 'new', 'won', 'lost', 'queued'];
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Enums: `user_role` for profiles, then `status_NN` types the tables' status columns use. */
export function generateEnums(random, tableCount) {
  const enums = [];
  const count = Math.max(3, Math.round(tableCount / 20));
  for (let i = 1; i <= count; i++) {
    const name = `status_${String(i).padStart(2, '0')}`;
    enums.push({ name, varName: `status${String(i).padStart(2, '0')}`, values: random.sample(words, random.int(3, 6)) });
  }
  return enums;
}

/** common.ts: enums, shared trigger functions and is_admin(). */
export function commonSource(enums) {
  const enumSource = enums.map(
    (e) => `export const ${e.varName} = enumType(${quote(e.name)}, [${e.values.map(quote).join(', ')}], { description: ${quote(`Lifecycle of the rows using ${e.name}`)} });`,
  );
  return `/* Shared pieces of the generated schema: enums, trigger functions and the RLS helper. */
import { enumType, rpc, sql, triggerFunction } from 'pgform';

export const userRole = enumType('user_role', ['member', 'admin', 'owner'], { description: 'Role of a profile' });
${enumSource.join('\n')}

export const setUpdatedAt = triggerFunction('set_updated_at', {
  description: 'Trigger function: sets updated_at to now() on every UPDATE',
  body: sql\`
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
\`,
});

export const auditRow = triggerFunction('audit_row', {
  description: 'Trigger function: writes the old and new row to audit_log',
  security: 'definer',
  set: { search_path: '' },
  body: sql\`
BEGIN
  INSERT INTO public.audit_log (table_name, operation, row_id, actor_id, old_row, new_row)
  VALUES (
    TG_TABLE_NAME,
    TG_OP,
    CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END,
    auth.uid(),
    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END
  );
  RETURN COALESCE(NEW, OLD);
END;
\`,
});

export const isAdmin = rpc('is_admin', {
  description: 'True when the caller (auth.uid()) has an admin profile; SECURITY DEFINER so policies on profiles do not recurse',
  returns: 'boolean',
  language: 'sql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql\`
SELECT EXISTS (SELECT 1 FROM public.profiles p WHERE p.id = auth.uid() AND p.role = 'admin')
\`,
  grants: ['authenticated', 'service_role'],
});
`;
}

/** Views (a third of them on earlier views) and materialized views over the generated tables. */
export function viewsSource(random, tables) {
  const candidates = tables.slice(2);
  const views = [];
  const parts = [];
  const viewCount = Math.max(2, Math.round(tables.length / 10));
  for (let i = 1; i <= viewCount; i++) {
    const name = `v_${String(i).padStart(4, '0')}`;
    let query;
    if (views.length && random.chance(0.33)) {
      const base = random.pick(views);
      query = `SELECT v.id, v.owner_id, v.status, v.created_at\nFROM public.${base} v\nWHERE v.created_at > now() - interval '30 days'`;
    } else {
      const t = random.pick(candidates);
      const fk = t.fks.length ? random.pick(t.fks) : undefined;
      const where = t.softDelete ? '\nWHERE t.deleted_at IS NULL' : '';
      query = fk
        ? `SELECT t.id, t.owner_id, t.status, t.created_at, p.id AS parent_id, p.updated_at AS parent_updated_at\nFROM public.${t.name} t\nJOIN public.${fk.parent} p ON p.id = t.${fk.column}${where}`
        : `SELECT t.id, t.owner_id, t.status, t.created_at\nFROM public.${t.name} t${where}`;
    }
    views.push(name);
    parts.push(`export const ${name.replace('_', '')} = view(${quote(name)}, {
  description: ${quote(`Generated view ${i}`)},
  securityInvoker: true,
  columns: { id: 'Row id', created_at: 'When the row was created' },
  query: sql\`
${query}
\`,
});`);
  }
  const matCount = Math.max(1, Math.round(tables.length / 25));
  for (let i = 1; i <= matCount; i++) {
    const name = `mv_${String(i).padStart(4, '0')}`;
    const t = random.pick(candidates);
    parts.push(`export const ${name.replace('_', '')} = materializedView(${quote(name)}, {
  description: ${quote(`Rows per owner of ${t.name}`)},
  query: sql\`
SELECT t.owner_id, count(*) AS total, max(t.created_at) AS last_created_at
FROM public.${t.name} t
GROUP BY t.owner_id
\`,
  indexes: { ${name}_owner_idx: { on: ['owner_id'], unique: true } },
});`);
  }
  return `/* Generated views and materialized views. */\nimport { materializedView, sql, view } from 'pgform';\n\n${parts.join('\n\n')}\n`;
}

/** SQL functions (counts) and plpgsql functions (touch), half of those SECURITY DEFINER. */
export function functionsSource(random, tables) {
  const candidates = tables.slice(2);
  const parts = [];
  const sqlCount = Math.max(2, Math.round(tables.length / 10));
  for (const t of random.sample(candidates, sqlCount)) {
    parts.push(`export const count${t.varName[0].toUpperCase()}${t.varName.slice(1)} = rpc(${quote(`count_${t.name}`)}, {
  description: ${quote(`Number of ${t.name} rows of an owner`)},
  args: { p_owner: 'uuid' },
  returns: 'bigint',
  language: 'sql',
  volatility: 'stable',
  body: sql\`
SELECT count(*) FROM public.${t.name} WHERE owner_id = p_owner
\`,
});`);
  }
  const plCount = Math.max(2, Math.round(tables.length / 20));
  for (const t of random.sample(candidates, plCount)) {
    const definer = random.chance(0.5);
    parts.push(`export const touch${t.varName[0].toUpperCase()}${t.varName.slice(1)} = rpc(${quote(`touch_${t.name}`)}, {
  description: ${quote(`Marks one of the caller's ${t.name} rows as updated; returns the new updated_at`)},
  args: { p_id: 'uuid' },
  returns: 'timestamptz',
  language: 'plpgsql',${definer ? "\n  security: 'definer',\n  set: { search_path: '' }," : ''}
  body: sql\`
DECLARE
  v_at timestamptz;
BEGIN
  UPDATE public.${t.name} SET updated_at = now() WHERE id = p_id AND owner_id = auth.uid() RETURNING updated_at INTO v_at;
  RETURN v_at;
END;
\`,
  grants: ['authenticated'],
});`);
  }
  return `/* Generated SQL and plpgsql functions. */\nimport { rpc, sql } from 'pgform';\n\n${parts.join('\n\n')}\n`;
}
