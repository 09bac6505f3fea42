import { describe, expect, it } from "vitest";
import { LIVE_STRINGS } from "../../locales";
import { explainLiveProblem } from "./explain";
import type { LiveProblem } from "./live-problem";

const ALL: LiveProblem[] = [
  { kind: "no-token" },
  { kind: "bad-root", problem: "invalid" },
  { kind: "bad-root", problem: "scheme" },
  { kind: "unauthorized" },
  { kind: "not-found" },
  { kind: "conflict-webhook" },
  { kind: "conflict-poller" },
  { kind: "flood", method: "getUpdates", retryAfter: 1500 },
  { kind: "flood", method: "getUpdates" },
  { kind: "unreachable", method: "getMe" },
];

describe("live problems explained", () => {
  it("says what happened and what to do, differently for every problem, in both languages", () => {
    for (const locale of ["en", "es"] as const) {
      const texts = ALL.map((problem) => explainLiveProblem(LIVE_STRINGS[locale], problem, "http://127.0.0.1:8081", locale));
      for (const text of texts) {
        expect(text.title.length).toBeGreaterThan(10);
        expect(text.action.length).toBeGreaterThan(20);
      }
      expect(new Set(texts.map((t) => t.action)).size).toBe(texts.length);
    }
  });

  it("names the cure: @BotFather for 401, deleteWebhook for a webhook, the other program for a poller, the wait for 429, the address when nothing answers", () => {
    const en = (problem: LiveProblem) => explainLiveProblem(LIVE_STRINGS.en, problem, "http://127.0.0.1:8081", "en");
    expect(en({ kind: "unauthorized" }).action).toContain("@BotFather");
    expect(en({ kind: "conflict-webhook" }).action).toContain("deleteWebhook");
    expect(en({ kind: "conflict-poller" }).action).toMatch(/Stop the other one/);
    expect(en({ kind: "flood", method: "getMe", retryAfter: 1500 }).action).toContain("1,500 s");
    expect(en({ kind: "unreachable", method: "getMe" }).title).toContain("http://127.0.0.1:8081");
    const es = (problem: LiveProblem) => explainLiveProblem(LIVE_STRINGS.es, problem, "http://127.0.0.1:8081", "es");
    expect(es({ kind: "unauthorized" }).title).toContain("rechazó el token");
    expect(es({ kind: "flood", method: "getMe", retryAfter: 1500 }).action).toContain("1500 s");
  });
});
