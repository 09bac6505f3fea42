/**
 * Test harness for running real grammY offline: a recording storage adapter, storages with the copy semantics of
 * JSON-based databases and of IndexedDB, a spy on grammY's own memory storage, a `Bot` answered in-process (long
 * polling, the runner, or a webhook server), and realistic update factories.
 */
export * from "./copying-storages.ts";
export * from "./memory-storage-spy.ts";
export * from "./offline-bot.ts";
export * from "./recording-storage.ts";
export * from "./updates.ts";
export * from "./webhook.ts";
