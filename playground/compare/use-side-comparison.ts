/**
 * The state of a comparison view (strict vs lazy, or the three keys): the scenario being edited and
 * whether it parses, the run in progress, every event each side's sandbox reported, and the step the
 * reader is looking at. Counts are tallied from those events only (`../scenario/tally.ts`).
 */
import { computed, onBeforeUnmount, ref, shallowRef, watch } from "vue";
import type { Update } from "grammy/types";
import type { SandboxEvent } from "../protocol";
import { clearDatabase, readDatabase, type DatabaseSnapshot } from "../composables/indexeddb-snapshot";
import { pageScope } from "../composables/page-scope";
import { loadSavedText, saveText } from "../composables/saved-code";
import { FrameBatcher } from "../store/frame-batcher";
import { COMPARISONS, formatScenarioError, parseScenario, presetById, presetsFor, stepsToUpdates, tallyStorage, type ProgramComparison, type Step, type Tally } from "../scenario";
import { runSides, sideDatabase } from "./run-sides";
import { comparisonStrings } from "./strings/comparison";
import { describeRunFailure } from "./run-failure";
import type { Locale } from "../i18n/locale";

/** Longer scenarios are refused: the lanes are meant to be read, one row per update. */
export const MAX_SCENARIO_STEPS = 60;

/** Why the scenario can't run: a refused line (with its number), or the scenario as a whole. */
export interface ScenarioProblem {
  line?: number;
  message: string;
}

/** Where a run is. */
export type RunStatus = "idle" | "loading" | "running" | "done" | "failed";

/** What a comparison view is made of. */
export interface SideComparisonOptions {
  comparison: ProgramComparison;
  locale: Locale;
  /** Also read every side's database after every update, for views that show the stored sessions. */
  snapshots?: boolean;
  /** The preset the editor starts with (default: the first that suits the comparison). */
  defaultPreset?: string;
  /** Pause between updates while running, so the lanes visibly fill. */
  paceMs?: number;
}

const savedKey = (comparison: string, locale: string) => `session-lab:scenario:${comparison}:${locale}`;

/** The scenario editor, the run and the stepping of one comparison view. */
export function useSideComparison(options: SideComparisonOptions) {
  const { comparison, locale } = options;
  const sides = COMPARISONS[comparison];
  const presets = presetsFor(comparison);
  const storageKey = savedKey(comparison, locale);
  // One database name per page and view, so two views never share (or clear) each other's data; each
  // side's database is named under it.
  const database = `session-lab:compare:${pageScope()}:${comparison}`;
  const sideDatabases = sides.map((side) => sideDatabase(database, side));
  const strings = comparisonStrings(locale);
  const words = strings.editor;

  const first = presets.find((p) => p.id === options.defaultPreset) ?? presets[0];
  const presetId = ref(first.id);
  const text = ref(first.text[locale]);
  const saved = loadSavedText(storageKey);
  if (saved !== undefined) {
    text.value = saved;
    presetId.value = presets.find((p) => p.text[locale] === saved)?.id ?? "";
  }
  watch(text, (value) => {
    // A preset as it ships is not an edit: only the reader's own text is kept.
    const shipped = presetById(presetId.value)?.text[locale];
    saveText(storageKey, value, shipped);
    if (shipped !== undefined && shipped !== value) presetId.value = "";
  });

  /** Loads a preset into the editor. */
  function choosePreset(id: string): void {
    const preset = presetById(id);
    if (!preset) return;
    presetId.value = id;
    text.value = preset.text[locale];
  }

  const parsed = computed(() => parseScenario(text.value));
  /** Every refused line as a sentence with its number, or the reason the whole scenario is refused. */
  const problems = computed<ScenarioProblem[]>(() => {
    const result = parsed.value;
    if (!result.ok) return result.errors.map((e) => ({ line: e.line, message: formatScenarioError(e, locale) }));
    if (result.steps.length === 0) return [{ message: words.noUpdates }];
    if (result.steps.length > MAX_SCENARIO_STEPS) return [{ message: words.tooMany(result.steps.length, MAX_SCENARIO_STEPS) }];
    return [];
  });

  /** How many updates the editor's scenario has, when it parses. */
  const stepCount = computed(() => (parsed.value.ok ? parsed.value.steps.length : undefined));

  const status = ref<RunStatus>("idle");
  /** Counts runs, so a test or a benchmark can tell a rerun's results from the previous ones. */
  const runNumber = ref(0);
  const failure = ref<string>();
  const compilerProgress = ref<{ loaded: number; total: number }>();
  /** The scenario of the last run (the editor may have changed since). */
  const steps = shallowRef<Step[]>([]);
  const updates = shallowRef<Update[]>([]);
  /** Each side's events; replaced (not mutated) so views recompute. */
  const events = shallowRef<SandboxEvent[][]>(sides.map(() => []));
  /** How many updates every side has handled. */
  const handled = ref(0);
  /** How many updates the lanes show as done: follows the run, then moves with the step buttons. */
  const cursor = ref(0);
  /** `snapshots[k]` is the database after `k` updates (with {@link SideComparisonOptions.snapshots}). */
  const snapshots = shallowRef<DatabaseSnapshot[]>([]);
  let controller: AbortController | undefined;
  // Many events can arrive in one task; one re-render per frame is plenty.
  const batcher = new FrameBatcher<{ side: number; event: SandboxEvent }>((batch) => {
    const next = events.value.map((list) => [...list]);
    for (const { side, event } of batch) next[side].push(event);
    events.value = next;
  });

  /** Runs the scenario in the editor on every side, replacing the previous run. */
  async function run(): Promise<void> {
    const result = parsed.value;
    if (!result.ok || problems.value.length > 0) return;
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    runNumber.value++;
    steps.value = result.steps;
    updates.value = stepsToUpdates(result.steps);
    batcher.drop();
    events.value = sides.map(() => []);
    snapshots.value = [];
    handled.value = 0;
    cursor.value = 0;
    failure.value = undefined;
    status.value = "loading";
    try {
      await runSides({
        sides,
        locale,
        updates: updates.value,
        database,
        clearDatabase,
        paceMs: options.paceMs ?? 0,
        signal: mine.signal,
        onCompilerProgress: (loaded, total) => (compilerProgress.value = { loaded, total }),
        onEvent: (side, event) => {
          if (mine.signal.aborted) return;
          if (status.value === "loading" && event.type === "ready") status.value = "running";
          if (event.type !== "storage" && event.type !== "update-handled") return;
          batcher.push({ side, event });
        },
        onUpdateDone: async (index) => {
          if (mine.signal.aborted) return;
          batcher.flush();
          if (options.snapshots) {
            if (snapshots.value.length === 0) snapshots.value = [{ exists: true, entries: [] }];
            snapshots.value = [...snapshots.value, await readSides(sideDatabases)];
          }
          handled.value = index + 1;
          cursor.value = index + 1;
        },
      });
      if (controller !== mine) return;
      batcher.flush();
      status.value = "done";
    } catch (error) {
      if (controller !== mine || mine.signal.aborted) return;
      batcher.flush();
      failure.value = describeRunFailure(error, locale, strings);
      status.value = "failed";
    }
  }

  /** Shows the run as it was after `k` updates (0 to all). */
  function stepTo(k: number): void {
    if (status.value === "loading" || status.value === "running") return;
    cursor.value = Math.max(0, Math.min(handled.value, k));
  }

  const updateIds = computed(() => updates.value.map((u) => u.update_id));

  /** Each side's tally of the updates up to the cursor; lanes past it are empty. */
  const tallies = computed<Tally[]>(() => {
    const live = status.value === "running";
    // While running, the update in progress shows its calls as they happen.
    const shown = new Set(updateIds.value.slice(0, live ? cursor.value + 1 : cursor.value));
    return events.value.map((list) =>
      tallyStorage(
        list.filter((e) => e.type === "storage" && e.updateId !== undefined && shown.has(e.updateId)),
        updateIds.value,
      ),
    );
  });

  /**
   * Each side's tally of every update handled so far, whatever the cursor: what bars are scaled to,
   * so stepping back shortens them instead of rescaling.
   */
  const runTallies = computed<Tally[]>(() => events.value.map((list) => tallyStorage(list, updateIds.value)));

  onBeforeUnmount(() => controller?.abort());

  return {
    sides,
    presets,
    presetId,
    text,
    choosePreset,
    problems,
    stepCount,
    status,
    runNumber,
    failure,
    compilerProgress,
    steps,
    updates,
    handled,
    cursor,
    stepTo,
    tallies,
    runTallies,
    snapshots,
    database,
    run,
  };
}

/** Every side's database read at once, as one snapshot (each entry keeps its side's store name). */
async function readSides(databases: readonly string[]): Promise<DatabaseSnapshot> {
  const each = await Promise.all(databases.map((name) => readDatabase(name)));
  return { exists: each.some((s) => s.exists), entries: each.flatMap((s) => s.entries) };
}

/** What {@link useSideComparison} returns. */
export type SideComparison = ReturnType<typeof useSideComparison>;
