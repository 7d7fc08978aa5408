// The type case's schema: range and multirange columns are their text form.
export * from '../../types/range-types/definitions.js';
