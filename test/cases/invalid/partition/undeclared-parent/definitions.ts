import { table, text } from 'pgform';

export const books = table('books', {
  inherits: ['items'],
  columns: { isbn: text() },
});
