import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { ApiSimulator } from "../../sandbox/bot-api/api-simulator";
import { ChatTimeline } from "../../store/chat-timeline";
import type { ChatBotMessage } from "../../store";
import { createTextMessageUpdate } from "../../telegram/updates";
import { messageBody } from "./message-body";

const alice = { id: 111, is_bot: false, first_name: "Alice" };
const chat = { id: 111, type: "private" as const, first_name: "Alice" };

/** The chat's bot bubbles after the bot made `calls`, answered by the simulator as in a run. */
async function bubbles(calls: [string, Record<string, unknown>][]): Promise<ChatBotMessage[]> {
  const timeline = new ChatTimeline();
  const simulator = new ApiSimulator({ onCall: (event) => timeline.apiCall(event) });
  simulator.observeUpdate(createTextMessageUpdate({ from: alice, chat, text: "hi", updateId: 1, messageId: 1 }));
  for (const [method, payload] of calls) await simulator.call(method, { chat_id: 111, ...payload });
  return timeline.entries.filter((e): e is ChatBotMessage => e.kind === "bot");
}

describe("messageBody", () => {
  it("gives the text with the entities Telegram parsed from parse_mode", async () => {
    const [entry] = await bubbles([["sendMessage", { text: "<b>Hi</b> there", parse_mode: "HTML" }]]);
    expect(messageBody(entry)).toEqual({ text: "Hi there", entities: [{ type: "bold", offset: 0, length: 2 }] });
  });

  it("names what a message carries besides text, preferring the specific field (animation over document)", async () => {
    const entries = await bubbles([
      ["sendPhoto", { photo: "https://example.com/p.jpg", caption: "<i>Pizza</i>", parse_mode: "HTML" }],
      ["sendAnimation", { animation: "https://example.com/a.gif" }],
      ["sendVenue", { latitude: 1, longitude: 2, title: "Pizzeria", address: "Main St" }],
      ["sendDice", {}],
    ]);
    expect(entries.map(messageBody)).toEqual([
      { media: "photo", text: "Pizza", entities: [{ type: "italic", offset: 0, length: 5 }] },
      { media: "animation", text: "" },
      { media: "venue", text: "" },
      { media: "dice", text: "" },
    ]);
  });

  it("shows every message of an album", async () => {
    const entries = await bubbles([["sendMediaGroup", { media: [{ type: "photo", media: "https://e.com/1.jpg" }, { type: "photo", media: "https://e.com/2.jpg" }] }]]);
    expect(entries.map((e) => messageBody(e).media)).toEqual(["photo", "photo"]);
  });

  it("drops formatting an edit answered with true no longer matches", () => {
    const message = { message_id: 2, date: 0, chat, text: "Old", entities: [{ type: "bold", offset: 0, length: 3 }] } as Message;
    const entry: ChatBotMessage = { kind: "bot", id: 1, chatId: 111, messageId: 2, text: "New text", method: "sendMessage", message, edited: true, deleted: false };
    expect(messageBody(entry)).toEqual({ text: "New text" });
  });
});
