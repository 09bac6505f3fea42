/**
 * A long-polling bot whose /import handler assigns ctx.session a promise that rejects. lazy.test.ts bundles it for
 * plain Node and runs it as its own process, because an unhandled rejection ends the process, and a test runner
 * must not have that happen to itself.
 *
 * Usage: node <bundle> <when>, where <when> says how the handler uses the promise:
 * - `after-handlers`: assigns it and returns at once, so it rejects after the handlers returned;
 * - `while-awaiting`: assigns it, then awaits a reply and more slow work, so it rejects while the handler waits;
 * - `while-awaiting-caught`: the same, with `promise.catch(() => {})` called before assigning it;
 * - `assigned-last`: awaits the reply and the slow work first, then starts the import and assigns it last.
 *
 * Prints one JSON line per event on stdout: `{"event":"bot.catch","error":…}` when bot.catch runs, and
 * `{"event":"done","storage":[…]}` with the storage calls once the update was handled.
 */
import { BotError, type Context, lazySession, type LazySessionFlavor, MemorySessionStorage } from "grammy";
import { createOfflineBot } from "../harness/offline-bot.ts";
import { recordingStorage } from "../harness/recording-storage.ts";
import { ALICE, UpdateFactory } from "../harness/updates.ts";

interface Pizza {
  pizzaCount: number;
}

const when = process.argv[2];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** An import from a service that is down: it fails after 1 ms. */
const importFromOldService = async (): Promise<Pizza> => {
  await pause(1);
  throw new Error("old pizza service unreachable");
};

const storage = recordingStorage(new MemorySessionStorage<Pizza>());
const { bot, poll } = createOfflineBot<Context & LazySessionFlavor<Pizza>>();
bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }), storage }));
bot.command("import", async (ctx) => {
  if (when === "after-handlers") {
    ctx.session = importFromOldService();
    return;
  }
  if (when === "assigned-last") {
    await ctx.reply("Importing your pizzas…");
    await pause(30);
    ctx.session = importFromOldService();
    return;
  }
  const imported = importFromOldService();
  if (when === "while-awaiting-caught") imported.catch(() => {});
  ctx.session = imported;
  await ctx.reply("Importing your pizzas…");
  await pause(30); // more work: the import fails meanwhile
});
bot.catch((err) => {
  const error = err instanceof BotError ? err.error : err;
  console.log(JSON.stringify({ event: "bot.catch", error: error instanceof Error ? error.message : String(error) }));
});

await poll([new UpdateFactory().command(ALICE, "import")]);
console.log(JSON.stringify({ event: "done", storage: storage.trace() }));
