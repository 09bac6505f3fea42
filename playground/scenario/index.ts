/**
 * The scenario core of the comparison views, for the UI: the text format and its parser, the
 * updates a scenario sends, the presets, the programs each side runs, and the tallies of what
 * the sandbox observed. It imports no grammY code (types only), so the main thread's bundle stays
 * small.
 */
export * from "./format";
export * from "./parse";
export * from "./errors";
export * from "./to-updates";
export * from "./presets";
export * from "./programs";
export * from "./tally";
export * from "./verdict";
