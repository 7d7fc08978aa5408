import { procedure } from 'pgform';

export const tidy = procedure('tidy', { language: 'sql', support: 'textlike_support', body: 'SELECT 1' } as never);
