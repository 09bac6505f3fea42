import type { Message, Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { validateUpdate } from "../telegram/update-validator";
import { CAST, GROUPS, type Step } from "./format";
import { parseScenario } from "./parse";
import { SCENARIO_POLL_ID, stepsToUpdates } from "./to-updates";

function parsed(text: string): Step[] {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.steps;
}

const scenario = parsed(
  [
    "ana @ group: I love 🍕",
    "ben @ group: /hunger",
    "ana @ private: hello",
    "chloe @ inline: pizza places",
    "ben @ poll: 0",
    "ana @ group: [button pizza:add]",
    "chloe @ group2: hi",
  ].join("\n"),
);

describe("stepsToUpdates", () => {
  const updates = stepsToUpdates(scenario, { date: 1_700_000_000 });

  it("makes one valid update per step, with fresh increasing ids", () => {
    expect(updates.map((u) => u.update_id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const update of updates) expect(validateUpdate(update)).toEqual({ ok: true, update });
    // Every call starts its own sequence.
    expect(stepsToUpdates(scenario.slice(0, 2)).map((u) => u.update_id)).toEqual([1, 2]);
  });

  it("puts messages in the named chats, from the named people, with Telegram's entities", () => {
    const [pizza, hunger, hello, , , , hi] = updates;
    expect(pizza.message).toMatchObject({ chat: GROUPS.group, from: CAST.ana, text: "I love 🍕", date: 1_700_000_000 });
    expect(hunger.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 7 }]);
    expect(hello.message?.chat).toEqual({ id: CAST.ana.id, type: "private", first_name: "Ana", username: "ana_pizza" });
    expect(hi.message?.chat).toEqual(GROUPS.group2);
    // Message ids count per chat.
    expect([pizza, hunger, hello, hi].map((u) => u.message?.message_id)).toEqual([1, 2, 1, 1]);
  });

  it("gives inline queries and poll answers no chat", () => {
    const inline = updates[3];
    const poll = updates[4];
    expect(inline.inline_query).toMatchObject({ from: CAST.chloe, query: "pizza places", offset: "" });
    expect(poll.poll_answer).toMatchObject({ user: CAST.ben, poll_id: SCENARIO_POLL_ID, option_ids: [0] });
    expect(Object.keys(inline)).toEqual(["update_id", "inline_query"]);
    expect(Object.keys(poll)).toEqual(["update_id", "poll_answer"]);
  });

  it("presses a button on a bot message in the chat that carries that button", () => {
    const press = updates[5].callback_query;
    expect(press).toMatchObject({ from: CAST.ana, data: "pizza:add" });
    const message = press?.message as Message.TextMessage;
    expect(message.chat).toEqual(GROUPS.group);
    expect(message.from?.is_bot).toBe(true);
    expect(message.message_id).toBe(3); // after the two group messages before it
    expect(message.reply_markup?.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : undefined))).toEqual(["pizza:add"]);
  });

  it("uses the caller's ids and the bot's real last message when given", () => {
    const botMessage = { message_id: 41, date: 0, chat: GROUPS.group, text: "Your hunger level is 1!" } as Message;
    const ids = [100, 101];
    const [message, press] = stepsToUpdates(parsed("ana @ group: x\nana @ group: [button pizza:add]"), {
      nextUpdateId: () => ids.shift() ?? -1,
      nextMessageId: () => 42,
      lastBotMessage: (chat) => (chat.id === GROUPS.group.id ? botMessage : undefined),
      pollId: "p",
    }) as [Update, Update];
    expect(message.update_id).toBe(100);
    expect(message.message?.message_id).toBe(42);
    expect(press.update_id).toBe(101);
    expect(press.callback_query?.message).toBe(botMessage);
  });
});
