export { createPlaygroundStore, type PlaygroundStore, type PlaygroundStoreOptions } from "./playground-store";
export { formatValue } from "./format-value";
export { compareKeys, type MemoryEntry } from "./memory-view";
export { displayName, summarizeUpdate } from "./update-summary";
export type * from "./types";
