import { table, text, uuid } from 'pgform';

// Both unique constraints get PostgreSQL's generated name, which keeps 63 bytes: the two
// column names differ only past the cut, so both become the same name.
const prefix = 'contact_email_address_for_the_primary_account_owner_';

export const contacts = table('contacts', {
  columns: {
    id: uuid().primaryKey(),
    [`${prefix}home`]: text().unique(),
    [`${prefix}work`]: text().unique(),
  },
});
