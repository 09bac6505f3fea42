/**
 * Records what the home page's traffic strip shows: the pizza example of one locale, compiled and run
 * through the playground's own sandbox runtime on real grammY in Node, gets Ana's messages in her
 * private chat one after another; every storage call and reply grammY made is kept, in order.
 */
import { readFileSync } from "node:fs";
import type { HeroEvent, HeroRun, HeroUpdate } from "../../../.vitepress/theme/hero/types";
import { chatFor, PEOPLE } from "../../../playground/composables/simulated-people";
import { startProgram } from "../../../playground/sandbox/testing/sandbox-harness";
import { createTextMessageUpdate } from "../../../playground/telegram/updates";

/** The example the hero's primary action opens. */
export const HERO_EXAMPLE = "pizza";

/** What Ana sends, in order: the first message is the one the playground's `start=1` mode sends too. */
export const HERO_MESSAGES = ["🍕", "/hunger"] as const;

/** Runs the example file of `locale` and returns what the strip draws. */
export async function recordHeroTraffic(locale: "en" | "es"): Promise<HeroRun> {
  const source = readFileSync(new URL(`../../../playground/examples/${HERO_EXAMPLE}/${locale}.ts`, import.meta.url), "utf8");
  const harness = await startProgram(source, { filename: `${HERO_EXAMPLE}.ts`, database: `session-lab-hero-${locale}` });
  try {
    await harness.waitFor("ready", undefined, 10_000);
    const ana = PEOPLE[0];
    const chat = chatFor("private", ana, "");
    const updates: HeroUpdate[] = [];
    for (const [index, text] of HERO_MESSAGES.entries()) {
      const updateId = index + 1;
      harness.runtime.dispatch(createTextMessageUpdate({ from: ana, chat, text, updateId, messageId: updateId, date: 1_700_000_000 }));
      const handled = await harness.waitFor("update-handled", (e) => e.updateId === updateId, 10_000);
      if (handled.error !== undefined) throw new Error(`Update ${updateId} failed: ${handled.error}`);
      updates.push({ updateId, from: ana.first_name, text, events: eventsOf(harness.events, updateId) });
    }
    const used = harness.events.find((e) => e.type === "storage-used");
    return { example: HERO_EXAMPLE, ...(used ? { storage: used.storage.kind } : {}), updates };
  } finally {
    await harness.stop();
  }
}

/** The storage calls and replies of update `updateId`, in the order the sandbox reported them. */
function eventsOf(events: Awaited<ReturnType<typeof startProgram>>["events"], updateId: number): HeroEvent[] {
  const out: HeroEvent[] = [];
  for (const event of events) {
    if (event.type === "storage" && event.updateId === updateId) {
      if (event.error !== undefined) throw new Error(`A storage call failed: ${event.error}`);
      const key = event.key ?? "";
      if (event.op === "read") out.push(event.found ? { kind: "read", key, found: true, value: event.value } : { kind: "read", key, found: false });
      else if (event.op === "write") out.push({ kind: "write", key, value: event.value });
      else if (event.op === "delete") out.push({ kind: "delete", key });
      else throw new Error(`The hero cannot draw a "${event.op}" call`);
    } else if (event.type === "api-call" && event.updateId === updateId && event.method === "sendMessage") {
      out.push({ kind: "reply", text: String(event.payload.text) });
    }
  }
  return out;
}
