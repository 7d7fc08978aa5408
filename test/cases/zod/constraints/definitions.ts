import { bigint, boolean, date, domain, enumType, integer, jsonb, numeric, smallint, sql, table, text, timestamptz, uuid, varchar } from 'pgform';

export const priority = enumType('priority', ['low', 'normal', 'high']);

export const percent = domain('percent', 'numeric(5,2)', { checks: { percent_range: sql`VALUE BETWEEN 0 AND 100` } });

export const slug = domain('slug', 'text', { notNull: true, checks: { slug_shape: sql`VALUE ~ '^[a-z0-9-]+$'` } });

/** Every kind of constraint the Zod emitter translates, and some it names as untranslated. */
export const orders = table('orders', {
  description: 'Orders with every translatable kind of CHECK',
  columns: {
    id: bigint().primaryKey().identity('always'),
    code: varchar(12).notNull().describe('Order code: three capitals, a dash, digits'),
    status: text().notNull().default('draft').oneOf(['draft', 'placed', 'shipped']),
    level: priority.column().notNull().default('normal'),
    quantity: integer().notNull().check(sql`quantity > 0`),
    discount: smallint().default(0).check(sql`discount BETWEEN 0 AND 90`),
    price: numeric(8, 2).notNull(),
    tax: numeric(8, 2),
    rate: percent.column(),
    handle: slug.column().default(sql`'order'`),
    email: text(),
    phone: text(),
    note: varchar(40),
    title: text().check(sql`length(title) <= 20`).check(sql`title <> ''`),
    placed_on: date(),
    shipped_on: date(),
    paid: boolean().notNull().default(false),
    meta: jsonb().notNull().default(sql`'{}'::jsonb`),
    tags: text().array().check(sql`cardinality(tags) <= 3`),
    owner: uuid(),
    created_at: timestamptz().notNull().defaultNow(),
    total: numeric(10, 2).generated(sql`price * quantity`),
  },
  checks: {
    orders_code_shape: sql`code ~ '^[A-Z]{3}-[0-9]+$'`,
    orders_contact: sql`email IS NOT NULL OR phone IS NOT NULL`,
    orders_ship_after_place: sql`shipped_on IS NULL OR shipped_on >= placed_on`,
    orders_tax_below_price: sql`coalesce(tax, 0) <= price`,
    orders_paid_when_shipped: sql`status <> 'shipped' OR paid`,
    orders_note_words: sql`note IS NULL OR note ~* '^[a-z ]+$'`,
    orders_not_reserved: sql`code !~ '^XXX'`,
    orders_meta_object: sql`jsonb_typeof(meta) = 'object'`,
    orders_weekday: sql`extract(dow from placed_on) <> 0`,
  },
});
