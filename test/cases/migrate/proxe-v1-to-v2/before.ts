// PROXe as the example system defines it: the starting point of a scripted history.
export * from '../../../../schemas/proxe/common.js';
export * from '../../../../schemas/proxe/core.js';
export * from '../../../../schemas/proxe/intelligence.js';
export * from '../../../../schemas/proxe/touchpoints.js';
export * from '../../../../schemas/proxe/views.js';
