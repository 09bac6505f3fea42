import * as real from "@grammyjs/runner";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { sequentialize, VENDORED_RUNNER_VERSION } from "./runner-sequentialize";

// The installed package is imported normally above (in Node its main module may load worker_threads); its
// package.json is not among its exports, so the version is read from the file next to its main module.
const main = createRequire(import.meta.url).resolve("@grammyjs/runner");
const installedVersion = (JSON.parse(readFileSync(join(dirname(main), "..", "package.json"), "utf8")) as { version: string }).version;

/** One update of an interleaving: its constraint's answer, how many timer turns its handler takes, whether it throws. */
interface Task {
  keys: string | string[] | undefined;
  turns: number;
  fails?: boolean;
}

const turn = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * Starts every task at once through `impl`'s middleware (as a webhook server or the runner hands updates over)
 * and records, in order, when each handler started and ended and how each update settled.
 */
async function trace(impl: typeof sequentialize, tasks: readonly Task[]): Promise<string[]> {
  const log: string[] = [];
  const middleware = impl<Task>((task) => task.keys);
  await Promise.all(
    tasks.map((task, i) =>
      middleware(task, async () => {
        log.push(`start ${i}`);
        for (let n = 0; n < task.turns; n++) await turn();
        log.push(`end ${i}`);
        if (task.fails) throw new Error(`task ${i} failed`);
      }).then(
        () => log.push(`settled ${i}`),
        (error: Error) => log.push(`rejected ${i}: ${error.message}`),
      ),
    ),
  );
  return log;
}

const INTERLEAVINGS: Record<string, Task[]> = {
  "one key, the first update slower": [
    { keys: "ana", turns: 3 },
    { keys: "ana", turns: 1 },
  ],
  "two keys, each in line with itself only": [
    { keys: "ana", turns: 3 },
    { keys: "ben", turns: 1 },
    { keys: "ana", turns: 1 },
    { keys: "ben", turns: 2 },
  ],
  "a list of keys waits for every key it names": [
    { keys: "chat", turns: 2 },
    { keys: "user", turns: 4 },
    { keys: ["chat", "user"], turns: 1 },
    { keys: "chat", turns: 1 },
  ],
  "no key (undefined, empty strings) waits for nobody": [
    { keys: "ana", turns: 3 },
    { keys: undefined, turns: 1 },
    { keys: ["", "ana"], turns: 1 },
    { keys: [], turns: 1 },
  ],
  "an update that throws lets the next one run and rejects on its own": [
    { keys: "ana", turns: 2, fails: true },
    { keys: "ana", turns: 1 },
    { keys: "ana", turns: 1, fails: true },
    { keys: "ana", turns: 0 },
  ],
};

describe("the vendored sequentialize", () => {
  it("is the version of @grammyjs/runner that is installed", () => {
    expect(VENDORED_RUNNER_VERSION).toBe(installedVersion);
  });

  it.each(Object.entries(INTERLEAVINGS))("behaves like the installed package: %s", async (_, tasks) => {
    const vendored = await trace(sequentialize, tasks);
    const installed = await trace(real.sequentialize, tasks);
    expect(vendored).toEqual(installed);
    // And the interleaving is not trivial: every run records each task's start, end and outcome.
    expect(vendored).toHaveLength(tasks.length * 3);
  });

  it("keeps updates of one key apart and lets other keys through (checked on the real package's trace)", async () => {
    const log = await trace(real.sequentialize, INTERLEAVINGS["one key, the first update slower"]!);
    expect(log).toEqual(["start 0", "end 0", "settled 0", "start 1", "end 1", "settled 1"]);
    const apart = await trace(sequentialize, INTERLEAVINGS["two keys, each in line with itself only"]!);
    expect(apart.slice(0, 2)).toEqual(["start 0", "start 1"]);
  });
});
