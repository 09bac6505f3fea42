import { describe, expect, it } from "vitest";
import { holdIdleWork, nextIdleStep, pageLoaded, whenIdle, yieldToMain } from "./idle";

describe("idle work", () => {
  it("runs when nothing holds it back", async () => {
    await expect(whenIdle(10)).resolves.toBeUndefined();
  });

  it("waits for every hold to settle, fulfilled or rejected", async () => {
    let finishRun!: () => void;
    let failRun!: (error: Error) => void;
    holdIdleWork(new Promise<void>((resolve) => (finishRun = resolve)));
    holdIdleWork(new Promise<void>((_, reject) => (failRun = reject)));
    let ran = false;
    const idle = whenIdle(10).then(() => (ran = true));
    await yieldToMain();
    await yieldToMain();
    expect(ran).toBe(false);
    finishRun();
    await yieldToMain();
    expect(ran).toBe(false);
    failRun(new Error("compile failed"));
    await idle;
    expect(ran).toBe(true);
  });

  it("pauses a job between its steps while a hold lasts", async () => {
    let finishRun!: () => void;
    const steps: string[] = [];
    const job = (async () => {
      steps.push("one");
      holdIdleWork(new Promise<void>((resolve) => (finishRun = resolve)));
      await nextIdleStep();
      steps.push("two");
    })();
    await yieldToMain();
    await yieldToMain();
    expect(steps).toEqual(["one"]);
    finishRun();
    await job;
    expect(steps).toEqual(["one", "two"]);
  });

  it("counts the page as loaded where there is no document (server render)", async () => {
    await expect(pageLoaded()).resolves.toBeUndefined();
  });
});
