import { API_CONSTANTS } from "grammy";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BOT_API_METHODS, DEFAULT_UPDATE_KINDS, UPDATE_KINDS } from "virtual:bot-api-schema";

/** The installed `@grammyjs/types` declaration, read as text: a second reading, independent of the plugin's. */
function installedTypes(file: string): string {
  const require = createRequire(import.meta.url);
  const dir = require.resolve("@grammyjs/types/package.json", { paths: [require.resolve("grammy")] }).replace(/package\.json$/, "");
  return readFileSync(`${dir}${file}`, "utf8");
}

describe("virtual:bot-api-schema", () => {
  it("lists every method the installed @grammyjs/types declares, and no other", () => {
    // Methods are declared `name(args): …`, deprecated aliases `name: ApiMethods<F>["other"]`.
    const declared = new Set([...installedTypes("methods.d.ts").matchAll(/^ {4}([a-z][a-zA-Z]+)(?:\(|: ApiMethods<F>\[)/gm)].map((m) => m[1]));
    expect(declared.size).toBeGreaterThan(150);
    expect(Object.keys(BOT_API_METHODS).sort()).toEqual([...declared].sort());
  });

  it("reads what each method returns from its declared type", () => {
    expect(BOT_API_METHODS.sendMessage).toEqual({ returns: "message", content: ["text"] });
    expect(BOT_API_METHODS.sendPhoto).toEqual({ returns: "message", content: ["photo"] });
    expect(BOT_API_METHODS.sendVenue.content).toEqual(expect.arrayContaining(["location", "venue"]));
    expect(BOT_API_METHODS.sendChatAction.returns).toBe("true");
    expect(BOT_API_METHODS.getMyCommands.returns).toBe("array");
    expect(BOT_API_METHODS.editMessageReplyMarkup.returns).toBe("message-or-true");
    expect(BOT_API_METHODS.getChat.returns).toBe("other");
  });

  it("lists the update kinds grammY knows, and which ones Telegram sends unasked", () => {
    expect([...UPDATE_KINDS].sort()).toEqual([...API_CONSTANTS.ALL_UPDATE_TYPES].sort());
    expect([...DEFAULT_UPDATE_KINDS].sort()).toEqual([...API_CONSTANTS.DEFAULT_UPDATE_TYPES].sort());
    const declared = [...installedTypes("update.d.ts").matchAll(/^ {4}([a-z_]+)\??: /gm)].map((m) => m[1]).filter((k) => k !== "update_id");
    expect(UPDATE_KINDS).toEqual(declared);
  });
});
