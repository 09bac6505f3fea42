import { ref, shallowRef, triggerRef } from "vue";
import type { Update } from "grammy/types";
import type { Diagnostic } from "../protocol";
import { ChatTimeline } from "./chat-timeline";
import { FrameBatcher, nextFrame, type FlushScheduler } from "./frame-batcher";
import { MemoryView } from "./memory-view";
import { TrafficLog } from "./traffic-log";
import { DEFAULT_API_ROOT } from "../live/api-root";
import { isLasting, liveProblemOf } from "../live/live-problem";
import type { CompileState, ConsoleEntry, LiveState, RunEvent, RunState, SessionStorageInfo, TrafficTotals, UpdateSummary, UpdateWaitingEvent } from "./types";
import { summarizeUpdate } from "./update-summary";

/** Options for {@link createPlaygroundStore}. */
export interface PlaygroundStoreOptions {
  /** How event batches are scheduled; the default is once per animation frame. Tests pass a manual one. */
  schedule?: FlushScheduler;
  /**
   * Least time between two batches, in ms (default 0). The playground uses a few frames' worth, so bursts
   * of updates re-render the views ~15 times a second rather than 60.
   */
  minBatchIntervalMs?: number;
  /** Chat entries kept (oldest dropped first). */
  chatLimit?: number;
  /** Console lines kept (oldest dropped first). */
  consoleLimit?: number;
}

/**
 * The single source of truth of one playground: the code, the compile and run state, and everything the
 * running program did. Views only read it; the controller writes it.
 *
 * Run events arrive in bursts of thousands, so they are not made deeply reactive: each list is a plain
 * array behind a `shallowRef`, appended to in place, and the ref is triggered once per animation frame
 * for the whole batch. A view that reads `traffic.value` re-renders at most once a frame.
 */
export function createPlaygroundStore(options: PlaygroundStoreOptions = {}) {
  const traffic = new TrafficLog();
  const chat = new ChatTimeline(options.chatLimit);
  const memory = new MemoryView();
  const consoleLimit = options.consoleLimit ?? 1_000;
  const summaries = new Map<number, UpdateSummary>();

  const code = ref("");
  /** The code of the current (or last) run, which may differ from the editor's by now. */
  const ranCode = ref<string | undefined>(undefined);
  const example = ref("");
  const compile = shallowRef<CompileState>({ status: "idle", diagnostics: [] });
  /** esbuild is downloaded and started (it stays so for the tab). */
  const compilerReady = ref(false);
  const run = shallowRef<RunState>({ status: "idle", runNumber: 0 });
  /** The example the current (or last) run was started from. */
  const ranExample = ref<string | undefined>(undefined);
  /** The storages the current (or last) run installed, as the sandbox reported them, by storage index. */
  const storages = shallowRef<SessionStorageInfo[]>([]);

  const trafficRows = shallowRef(traffic.rows);
  const totals = shallowRef<TrafficTotals>({ ...traffic.totals });
  const chatEntries = shallowRef(chat.entries);
  const consoleEntries = shallowRef<ConsoleEntry[]>([]);
  const memoryEntries = shallowRef(memory.list());
  /** Bumped after every storage call, so the IndexedDB inspector knows to look again. */
  const storageVersion = ref(0);
  /** Updates handled in this run, and the id of the last one. */
  const handled = ref(0);
  const lastHandledUpdateId = ref<number | undefined>(undefined);
  /**
   * The update that has been in progress for seconds while the program sat idle (it awaits a promise
   * that has not settled), until it finishes or the run ends.
   */
  const waiting = shallowRef<UpdateWaitingEvent | undefined>(undefined);
  /** Simulated or live Telegram, and how the live run goes (the controller sets the settings). */
  const live = shallowRef<LiveState>({ mode: "simulated", maskedToken: "", apiRoot: DEFAULT_API_ROOT, running: false });
  let nextConsoleId = 1;

  /** A live run's API calls: the bot getMe names, and Telegram's answers that concern the whole bot. */
  function noteLive(event: RunEvent): void {
    if (!live.value.running || (event.type !== "api-call" && event.type !== "api-unreachable")) return;
    if (event.type === "api-call" && event.method === "getMe" && isBotInfo(event.result)) {
      live.value = { ...live.value, bot: { username: event.result.username, firstName: event.result.first_name } };
    }
    const found = liveProblemOf(event);
    const current = live.value.problem;
    if (found === undefined || (current && isLasting(current))) return;
    if (found === "clear") {
      if (current) live.value = { ...live.value, problem: undefined };
    } else live.value = { ...live.value, problem: found };
  }

  const batcher = new FrameBatcher<RunEvent>(applyBatch, options.schedule ?? nextFrame, options.minBatchIntervalMs ?? 0);

  function applyBatch(batch: RunEvent[]): void {
    let trafficChanged = false;
    let chatChanged = false;
    let consoleChanged = false;
    let handledNow = 0;
    for (const event of batch) {
      switch (event.type) {
        case "update-received":
          summaries.set(event.updateId, summarizeUpdate(event.update));
          chat.received(event);
          traffic.received(event.updateId, event.at);
          chatChanged = true;
          break;
        case "update-handled":
          if (waiting.value?.updateId === event.updateId) waiting.value = undefined;
          handledNow++;
          lastHandledUpdateId.value = event.updateId;
          traffic.handled(event.updateId, event.durationMs, event.error);
          trafficChanged = true;
          break;
        case "storage":
          traffic.add(event, (id) => summaries.get(id));
          memory.apply(event);
          trafficChanged = true;
          break;
        case "api-call":
          chat.apiCall(event);
          noteLive(event);
          chatChanged = true;
          break;
        case "api-unreachable":
          noteLive(event);
          break;
        case "polling-stopped":
          break;
        case "console":
          pushConsole({ kind: "console", level: event.level, text: event.text, line: event.line });
          consoleChanged = true;
          break;
        case "console-skipped":
          pushConsole({ kind: "skipped", level: "warn", text: "", count: event.count });
          consoleChanged = true;
          break;
        case "error":
          pushConsole({
            kind: "error",
            level: "error",
            name: event.name,
            text: event.name ? `${event.name}: ${event.message}` : event.message,
            line: event.line,
            updateId: event.updateId,
            phase: event.phase,
          });
          consoleChanged = true;
          break;
        case "storage-used":
          storages.value = withStorage(storages.value, event.storage);
          break;
        case "not-delivered":
          chat.notDelivered(event);
          chatChanged = true;
          break;
        case "update-waiting":
          waiting.value = event;
          break;
        case "bot-stopped":
          run.value = { ...run.value, botStopped: { updateId: event.updateId, error: event.error } };
          break;
        case "bot-started":
          if (run.value.botStopped) run.value = { ...run.value, botStopped: undefined };
          break;
        case "ready":
          run.value = { ...run.value, status: "running", readyAt: now() };
          break;
        case "started":
          if (run.value.status !== "running") run.value = { ...run.value, status: "starting" };
          break;
        case "stopped":
          // A "rerun" stop belongs to the run this one replaced: the new run is already under way.
          if (event.reason !== "rerun") {
            run.value = {
              ...run.value,
              status: "stopped",
              stop: { reason: event.reason, updateId: event.updateId, message: event.message, line: event.line },
            };
            waiting.value = undefined;
          }
          break;
        case "pong":
          break;
      }
    }
    if (handledNow) handled.value += handledNow;
    if (trafficChanged) {
      triggerRef(trafficRows);
      totals.value = { ...traffic.totals };
      memoryEntries.value = memory.list();
      storageVersion.value++;
    }
    if (chatChanged) triggerRef(chatEntries);
    if (consoleChanged) triggerRef(consoleEntries);
  }

  function pushConsole(entry: Omit<ConsoleEntry, "id">): void {
    const list = consoleEntries.value;
    list.push({ id: nextConsoleId++, ...entry });
    if (list.length > consoleLimit) list.splice(0, list.length - consoleLimit);
  }

  return {
    code,
    ranCode,
    example,
    compile,
    compilerReady,
    run,
    ranExample,
    storages,
    /** Group and call rows of the storage traffic log, oldest first. */
    trafficRows,
    totals,
    chatEntries,
    consoleEntries,
    /** What a program on memory storage holds, rebuilt from its calls. */
    memoryEntries,
    storageVersion,
    handled,
    lastHandledUpdateId,
    waiting,
    live,

    /** Queues one event of the current run; views see it on the next frame. */
    ingest(event: RunEvent): void {
      batcher.push(event);
    },
    /** Applies queued events now. */
    flush(): void {
      batcher.flush();
    },
    /** What we know about update `updateId` of this run. */
    summaryOf(updateId: number): UpdateSummary | undefined {
      return summaries.get(updateId);
    },
    /** Updates whose handlers threw (nothing was written back). */
    failedUpdates(): ReadonlySet<number> {
      return traffic.failedUpdates;
    },
    /** The bot's message `messageId` in `chatId` as last seen (a button press quotes it). */
    botMessage(chatId: number, messageId: number) {
      return chat.botMessage(chatId, messageId);
    },

    setCompiling(): void {
      compile.value = { ...compile.value, status: "compiling" };
      run.value = { ...run.value, status: run.value.status === "running" ? "running" : "compiling", requestedAt: now() };
    },
    setCompilerLoading(progress?: { loaded: number; total: number }): void {
      compile.value = { status: "loading", diagnostics: compile.value.diagnostics, progress };
    },
    setCompilerReady(): void {
      compilerReady.value = true;
      if (compile.value.status === "loading") compile.value = { status: "idle", diagnostics: compile.value.diagnostics };
    },
    setCompilerFailed(message: string): void {
      compile.value = { status: "failed", diagnostics: [], initError: message };
      run.value = { ...run.value, status: run.value.status === "compiling" ? "idle" : run.value.status };
    },
    setCompiled(result: { ok: true; warnings: Diagnostic[]; durationMs: number } | { ok: false; diagnostics: Diagnostic[]; durationMs: number }): void {
      compile.value = result.ok
        ? { status: "ok", diagnostics: result.warnings, durationMs: result.durationMs }
        : { status: "failed", diagnostics: result.diagnostics, durationMs: result.durationMs };
      if (!result.ok && run.value.status === "compiling") run.value = { ...run.value, status: "idle" };
    },

    /**
     * Starts a new run's record: the old run's traffic, totals, storages, memory view and console go (pending
     * events of the old run are dropped); the chat keeps its history with a "restarted" divider. `liveRun`:
     * this run talks to the real Bot API (its problems and its bot are noted in `live`).
     */
    beginRun(liveRun = false): void {
      batcher.drop();
      live.value = { ...live.value, running: liveRun, problem: undefined, bot: undefined };
      ranCode.value = code.value;
      ranExample.value = example.value;
      storages.value = [];
      traffic.clear();
      memory.clear();
      summaries.clear();
      consoleEntries.value = [];
      chat.restarted();
      handled.value = 0;
      lastHandledUpdateId.value = undefined;
      waiting.value = undefined;
      run.value = { status: "starting", runNumber: run.value.runNumber + 1, requestedAt: run.value.requestedAt ?? now() };
      triggerRef(trafficRows);
      triggerRef(chatEntries);
      totals.value = { ...traffic.totals };
      memoryEntries.value = memory.list();
      storageVersion.value++;
    },
    /** The runner could not be asked to stop cleanly (or was never started): show the program as stopped. */
    markStopped(reason: "user" | "crashed", message?: string): void {
      batcher.flush();
      run.value = { ...run.value, status: "stopped", stop: { reason, message } };
      waiting.value = undefined;
    },
    /** Live mode's settings as the views may show them, or a problem found before any run (no token, a bad root). */
    setLive(change: Partial<Omit<LiveState, "running" | "bot">>): void {
      live.value = { ...live.value, ...change };
    },
    /** Storage was changed outside the program (the reader cleared it): the inspector must look again. */
    storageChangedOutside(): void {
      storageVersion.value++;
    },
  };
}

/** One playground's store. */
export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

/** `list` with `storage` in its place (a storage index is announced once; a repeat replaces it), by index. */
function withStorage(list: SessionStorageInfo[], storage: SessionStorageInfo): SessionStorageInfo[] {
  return [...list.filter((s) => s.storageIndex !== storage.storageIndex), storage].sort((a, b) => a.storageIndex - b.storageIndex);
}

function isBotInfo(value: unknown): value is { username?: string; first_name: string } {
  return typeof value === "object" && value !== null && typeof (value as { first_name?: unknown }).first_name === "string";
}

function now(): number {
  return typeof performance === "undefined" ? Date.now() : performance.now();
}
