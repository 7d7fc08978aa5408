// The type case's schema: composite types in columns, arguments and results, documented.
export * from '../../types/composite-types/definitions.js';
