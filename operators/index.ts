// playfast/operators: one operator per file; this entry point only re-exports.
export {};
