import { table, uuid } from 'pgform';

// Each primary key index is named <table>_pkey cut to 63 bytes: past the cut the names are equal.
const stem = 'customer_relationship_management_account_history_entries_';

export const history2023 = table(`${stem}2023`, { columns: { id: uuid().primaryKey() } });

export const history2024 = table(`${stem}2024`, { columns: { id: uuid().primaryKey() } });
