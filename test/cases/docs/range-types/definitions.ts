// The type case's schema: range types and a multirange in columns, arguments and results, documented.
export * from '../../types/range-types/definitions.js';
