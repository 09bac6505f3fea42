/**
 * The important check: each preset, run through the generated programs in the real sandbox
 * (compiled by the real compiler, IndexedDBAdapter on fake-indexeddb, observed storage), tallies
 * exactly the storage calls that real grammY makes on the same updates with a counting storage.
 */
import "fake-indexeddb/auto";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { startProgram, type ProgramHarness } from "../sandbox/testing/sandbox-harness";
import { presetById, PRESETS } from "./presets";
import { COMPARISONS, generateProgram, type ComparisonSide, type ProgramSpec } from "./programs";
import { compareTallies, tallyStorage, type Tally } from "./tally";
import { countOps, countWithGrammy, scenarioUpdates, type CountedOp } from "./testing/count-with-grammy";
import type { Locale } from "../i18n/locale";

const running: ProgramHarness[] = [];
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.stop();
});

let databases = 0;

const updatesOf = scenarioUpdates;

/** Runs a side's generated program in the sandbox, one update at a time, and tallies what it observed. */
async function runInSandbox(spec: ProgramSpec, locale: Locale, updates: readonly Update[]): Promise<Tally> {
  const harness = await startProgram(generateProgram(spec, locale), { database: `scenario-test-${++databases}` });
  running.push(harness);
  await harness.waitFor("ready");
  for (const update of updates) {
    harness.runtime.dispatch(structuredClone(update));
    await harness.waitFor("update-handled", (e) => e.updateId === update.update_id, 5000);
  }
  expect(harness.eventsOf("error")).toEqual([]);
  expect(harness.eventsOf("update-handled").filter((e) => e.error !== undefined)).toEqual([]);
  return tallyStorage(harness.events, updates.map((u) => u.update_id));
}

/** The sandbox's lanes in the reference's shape. */
function flatten(tally: Tally): CountedOp[] {
  return tally.lanes.flatMap((lane) =>
    lane.ops.map((op) => {
      if (lane.updateId === undefined) throw new Error(`a storage call outside any update: ${JSON.stringify(op)}`);
      const out: CountedOp = { updateId: lane.updateId, op: op.op as CountedOp["op"], key: op.key ?? "", bytes: op.bytes };
      if (op.op === "read") out.found = op.found;
      return out;
    }),
  );
}

describe("the sandbox's tallies match real grammY", () => {
  const cases: { preset: string; view: "strict-vs-lazy" | "keys"; side: ComparisonSide; locale: Locale }[] = [];
  for (const preset of PRESETS) {
    for (const view of preset.views) {
      if (view === "concurrency") continue;
      for (const side of COMPARISONS[view]) cases.push({ preset: preset.id, view, side, locale: "en" });
    }
  }
  // The Spanish programs differ only in comments and reply texts; one preset shows that is so.
  for (const side of COMPARISONS["strict-vs-lazy"]) cases.push({ preset: "inline-mix", view: "strict-vs-lazy", side, locale: "es" });

  it.each(cases)("$preset, $view, side $side.id ($locale)", async ({ preset, side, locale }) => {
    const updates = updatesOf(presetById(preset)!.text[locale]);
    const tally = await runInSandbox(side.spec, locale, updates);
    const reference = (await countWithGrammy(side.spec, updates)).ops;
    expect(flatten(tally)).toEqual(reference);
    expect(tally.lanes.map((l) => l.updateId)).toEqual(updates.map((u) => u.update_id));
    expect(tally.totals).toEqual({
      reads: countOps(reference, "read"),
      writes: countOps(reference, "write"),
      deletes: countOps(reference, "delete"),
      other: 0,
      calls: reference.length,
      failed: 0,
      bytesWritten: reference.reduce((sum, o) => sum + o.bytes, 0),
    });
  });
});

describe("the documented busy-group case", () => {
  it("gives 10 reads and 5 writes under strict sessions, 4 and 4 under lazy ones, and says so", async () => {
    const updates = updatesOf(presetById("busy-group")!.text.en);
    const [strict, lazy] = COMPARISONS["strict-vs-lazy"];
    const strictTally = await runInSandbox(strict.spec, "en", updates);
    const lazyTally = await runInSandbox(lazy.spec, "en", updates);
    expect(strictTally.totals).toMatchObject({ reads: 10, writes: 5, deletes: 0, calls: 15 });
    expect(lazyTally.totals).toMatchObject({ reads: 4, writes: 4, deletes: 0, calls: 8 });
    // Chatter costs a read under strict sessions (and the first contact a write), nothing under lazy ones.
    const chatter = updates.map((u, i) => (/🍕|\/hunger/.test(u.message?.text ?? "") ? -1 : i)).filter((i) => i >= 0);
    for (const i of chatter) expect(lazyTally.lanes[i].ops).toEqual([]);
    expect(strictTally.lanes[0].ops.map((o) => o.op)).toEqual(["read", "write"]);

    const comparison = compareTallies({ label: strict.label, tally: strictTally }, { label: lazy.label, tally: lazyTally });
    expect(comparison.difference).toMatchObject({ reads: -6, writes: -1, calls: -7 });
    expect(comparison.rows).toHaveLength(10);
    const fewer = strictTally.totals.bytesWritten - lazyTally.totals.bytesWritten;
    expect(fewer).toBeGreaterThan(0);
    expect(comparison.verdict.en).toBe(
      `Lazy saved 7 of 15 storage calls. Lazy wrote ${fewer} fewer bytes: ${lazyTally.totals.bytesWritten} instead of ${strictTally.totals.bytesWritten}.`,
    );
    expect(comparison.verdict.es).toBe(
      `La sesión perezosa ahorró 7 de 15 llamadas al almacenamiento. La sesión perezosa escribió ${fewer} bytes menos: ` +
        `${lazyTally.totals.bytesWritten} en vez de ${strictTally.totals.bytesWritten}.`,
    );
  });
});
