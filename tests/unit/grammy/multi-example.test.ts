import { readFileSync } from "node:fs";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { runWithGrammy } from "../../e2e/playground-oracle";
import { ALICE, CHANNEL, UpdateFactory } from "./harness/index.ts";

/** The playground's multi-session example, as a reader opens it. */
function example(locale: "en" | "es"): string {
  return readFileSync(new URL(`../../../playground/examples/multi/${locale}.ts`, import.meta.url), "utf8");
}

/** `/reset` posted in a channel: a command with no sender, so the `user` fragment has no key. */
function resetInChannel(updates: UpdateFactory): Update {
  const update = updates.channelPost(CHANNEL, "/reset");
  update.channel_post!.entities = [{ type: "bot_command", offset: 0, length: "/reset".length }];
  return update;
}

// Guide: multi § "Deleting everything": `ctx.session = null` throws where a fragment has no key, so the
// example keeps its session commands out of channels.
describe.each(["en", "es"] as const)("the multi-session example (%s)", (locale) => {
  it("ignores /reset in a channel instead of failing the update (the user fragment has no key there)", async () => {
    const updates = new UpdateFactory();
    const traffic = await runWithGrammy(example(locale), [updates.channelPost(CHANNEL, "🍕"), resetInChannel(updates)]);

    // Only the chat fragment is read; the channel's count survives, and nothing is deleted.
    expect(traffic.calls).toEqual([`read ${CHANNEL.id}`, `write ${CHANNEL.id}`, `read ${CHANNEL.id}`]);
    expect(traffic.replies).toEqual([]);
  });

  it("deletes both fragments on /reset in a private chat", async () => {
    const updates = new UpdateFactory();
    const traffic = await runWithGrammy(example(locale), [updates.command(ALICE, "favourite", undefined, { args: "olives" }), updates.command(ALICE, "reset")]);

    expect(traffic.calls.slice(-2).sort()).toEqual([`delete ${ALICE.id}`, `delete user:${ALICE.id}`]);
    expect(traffic.replies).toHaveLength(2);
  });
});
