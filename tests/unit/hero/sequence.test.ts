import { describe, expect, it } from "vitest";
import { sequenceHeroRun } from "../../../.vitepress/theme/hero/sequence";

describe("the hero strip's timeline", () => {
  it("numbers each message and what followed it in the order it happened, across updates", () => {
    const rows = sequenceHeroRun({
      example: "pizza",
      updates: [
        { updateId: 1, from: "Ana", text: "🍕", events: [{ kind: "read", key: "1", found: false }, { kind: "write", key: "1", value: 1 }] },
        { updateId: 2, from: "Ana", text: "/hunger", events: [{ kind: "read", key: "1", found: true, value: 1 }, { kind: "reply", text: "1" }, { kind: "write", key: "1", value: 1 }] },
      ],
    });
    expect(rows.map((r) => [r.step, r.events.map((e) => `${e.step}:${e.event.kind}`)])).toEqual([
      [0, ["1:read", "2:write"]],
      [3, ["4:read", "5:reply", "6:write"]],
    ]);
  });
});
