import type { Chat, Message, Update, User } from "grammy/types";
import { getCompiler } from "../compiler/client";
import { SandboxRunner } from "./runner";
import { createSandboxWorker } from "./sandbox-host";
import { createCallbackQueryUpdate, createTextMessageUpdate, UpdateIdSequence } from "../telegram/updates";
import type { PlaygroundStore } from "../store";
import { createWarmWorkers } from "../composables/warm-worker";
import { holdIdleWork, pageLoaded, whenIdle } from "../composables/idle";
import { errorMessage } from "../error-text";
import type { RunEvent } from "../store/types";
import { parseApiRoot } from "../live/api-root";
import { maskDeep, maskedToken, tokenMasker } from "../live/mask-token";
import { loadLiveSettings, saveLiveSettings, type LiveSettings, type TelegramMode } from "../live/live-settings";

/** Events on the page that say the reader is about to use the playground: start the compiler then. */
const INTENT_EVENTS = ["pointerdown", "keydown", "focusin"] as const;
/** A run that is ready but gets no update keeps optional work back no longer than this. */
const QUIET_RUN_HOLD_MS = 3_000;

/** What a {@link createPlaygroundController} needs besides the store. */
export interface PlaygroundControllerOptions {
  /** The IndexedDB database the next run uses (the inspector reads the same one); asked at each Run. */
  database: () => string;
  /** The file name diagnostics and stack traces use. */
  filename?: string;
  /**
   * Live mode is offered (the full page, which shows its switch): the tab's live settings apply. Elsewhere (a
   * guide page's playground, with no switch to leave live mode) every run is simulated, whatever the tab holds.
   */
  live?: boolean;
}

/**
 * The playground's actions: compile and run the store's code, stop it, send it updates. It owns the
 * compiler handle and the sandbox runner, and writes what they report into the store; components call
 * these actions and read the store, nothing else.
 */
export function createPlaygroundController(store: PlaygroundStore, options: PlaygroundControllerOptions) {
  const filename = options.filename ?? "bot.ts";
  const compiler = getCompiler();
  const workers = createWarmWorkers(createSandboxWorker);
  /** Live mode's settings, in memory and in sessionStorage only (live-settings.ts). */
  const liveSettings: LiveSettings = options.live ? loadLiveSettings() : { mode: "simulated", token: "", apiRoot: "" };
  /** The Bot API origin the next worker may connect to: set for a live run, else none (the warm spare). */
  let liveOrigin: string | undefined;
  const runner = new SandboxRunner({ createWorker: () => (liveOrigin ? createSandboxWorker(liveOrigin) : workers.take()) });
  /**
   * Every token used in this tab, masked in every event of a live run before the store sees it. The worker
   * masks them too; this side does not rely on it (live-settings.ts, mask-token.ts). A simulated run is never
   * given a token, so its events are left as they are.
   */
  const usedTokens = new Set<string>();
  let maskAll: ((text: string) => string) | undefined;
  const masked = (event: RunEvent): RunEvent => (maskAll && liveOrigin !== undefined ? maskDeep(event, maskAll) : event);
  showLiveSettings();
  /**
   * Leaving the page ends a live bot's polling: a closed tab takes its workers along, but a page kept in the
   * back/forward cache would otherwise keep a poller that blocks the next one with a 409.
   */
  const onPageHide = () => {
    if (store.live.value.running && runner.running) runner.stop();
  };
  if (typeof window !== "undefined") window.addEventListener("pagehide", onPageHide);
  const unsubscribe = runner.onEvent((received) => {
    const event = masked(received);
    if (event.type === "api-call") noteMessageIds(event.result);
    store.ingest(event);
    if (event.type === "update-handled" || event.type === "stopped") releaseRunHold();
    else if (event.type === "ready") runHoldTimer = setTimeout(releaseRunHold, QUIET_RUN_HOLD_MS);
  });
  const updateIds = new UpdateIdSequence(1);
  const nextUpdateId = () => updateIds.next();
  /** The highest message id seen per chat, so simulated users' messages never reuse a bot message's id. */
  const lastMessageId = new Map<number, number>();
  let compiling = 0;
  let compilerReady = false;
  let disposed = false;
  let preparing = false;
  let stopIntent: (() => void) | undefined;
  let releaseRunHold: () => void = () => {};
  let runHoldTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * From Run until the program has answered its first update (or stopped, or sat ready with nothing sent
   * for a while), optional main-thread work such as loading Monaco waits: the reader is waiting for this.
   */
  function holdUntilFirstResult(): void {
    releaseRunHold();
    let release!: () => void;
    holdIdleWork(new Promise<void>((resolve) => (release = resolve)));
    releaseRunHold = () => {
      clearTimeout(runHoldTimer);
      releaseRunHold = () => {};
      release();
    };
  }

  function noteMessageIds(result: unknown): void {
    if (typeof result !== "object" || result === null || !("message_id" in result) || !("chat" in result)) return;
    const message = result as Message;
    lastMessageId.set(message.chat.id, Math.max(lastMessageId.get(message.chat.id) ?? 0, message.message_id));
  }

  function nextMessageId(chatId: number): number {
    const id = (lastMessageId.get(chatId) ?? 0) + 1;
    lastMessageId.set(chatId, id);
    return id;
  }

  /**
   * Starts esbuild ahead of the first Run (download with progress), so that Run does not wait for it, but
   * not while the page is still loading: the 14 MB download and its compilation would compete with the
   * page's own first paint and scripts. It starts once the page has loaded and the main thread is idle, or
   * sooner at the first sign of use (a click, a key, focus anywhere in the page); with `now`, at once, for
   * a page that runs code right away. Run itself never waits for this: it starts the compiler at once.
   */
  async function prepare(options: { now?: boolean } = {}): Promise<void> {
    if (preparing || compilerReady) return;
    preparing = true;
    if (!options.now) {
      await new Promise<void>((resolve) => {
        const start = () => {
          stopIntent?.();
          resolve();
        };
        INTENT_EVENTS.forEach((type) => document.addEventListener(type, start, { capture: true, passive: true }));
        stopIntent = () => INTENT_EVENTS.forEach((type) => document.removeEventListener(type, start, { capture: true }));
        void pageLoaded().then(() => whenIdle(2_000)).then(start);
      });
      stopIntent = undefined;
    }
    if (disposed) return;
    try {
      await startCompiler();
    } catch (error) {
      store.setCompilerFailed(errorMessage(error));
    }
  }

  /** esbuild's init is idempotent; the store shows progress only while the download is actually pending. */
  async function startCompiler(): Promise<void> {
    if (compilerReady) return;
    store.setCompilerLoading();
    // The download reports every chunk it gets; the page shows at most one progress update per frame.
    let latest: { loaded: number; total: number } | undefined;
    let frame: number | undefined;
    await compiler.init((loaded, total) => {
      latest = { loaded, total };
      frame ??= requestAnimationFrame(() => {
        frame = undefined;
        if (!compilerReady && latest) store.setCompilerLoading(latest);
      });
    });
    if (frame !== undefined) cancelAnimationFrame(frame);
    compilerReady = true;
    store.setCompilerReady();
  }

  /** The live settings as the views may show them (the token masked). */
  function showLiveSettings(): void {
    store.setLive({ mode: liveSettings.mode, apiRoot: liveSettings.apiRoot, maskedToken: liveSettings.token ? maskedToken(liveSettings.token) : "" });
  }

  /**
   * Switches between the simulated Telegram and the reader's bot. Whatever runs is stopped: a live bot must not
   * keep polling once the reader has left live mode, and a simulated run is no answer to "run my bot".
   */
  function setMode(mode: TelegramMode): void {
    if (mode === liveSettings.mode || !options.live) return;
    stop();
    liveSettings.mode = mode;
    saveLiveSettings({ mode });
    store.setLive({ problem: undefined });
    showLiveSettings();
  }

  /** The reader's token (kept for this tab only); used from the next Run. */
  function setToken(token: string): void {
    if (!options.live) return;
    liveSettings.token = token.trim();
    saveLiveSettings({ token: liveSettings.token });
    if (store.live.value.problem?.kind === "no-token") store.setLive({ problem: undefined });
    showLiveSettings();
  }

  /** The Bot API root as typed (empty: Telegram's); used from the next Run. */
  function setApiRoot(apiRoot: string): void {
    if (!options.live) return;
    liveSettings.apiRoot = apiRoot;
    saveLiveSettings({ apiRoot });
    if (store.live.value.problem?.kind === "bad-root") store.setLive({ problem: undefined });
    showLiveSettings();
  }

  /** What a live run needs, or the problem that keeps it from starting (shown, and nothing runs). */
  function liveConfig(): { token: string; apiRoot: string; origin: string } | undefined {
    const root = parseApiRoot(liveSettings.apiRoot);
    if (!root.ok) {
      store.setLive({ problem: { kind: "bad-root", problem: root.problem } });
      return undefined;
    }
    if (!liveSettings.token) {
      store.setLive({ problem: { kind: "no-token" } });
      return undefined;
    }
    if (!usedTokens.has(liveSettings.token)) {
      usedTokens.add(liveSettings.token);
      const masks = [...usedTokens].map(tokenMasker);
      maskAll = (text) => masks.reduce((out, mask) => mask(out), text);
    }
    return { token: liveSettings.token, apiRoot: root.value.root, origin: root.value.origin };
  }

  /**
   * Compiles the current code and, when it compiles, replaces the running program with it (a fresh
   * worker; stored sessions stay). With compile errors the old program, if any, keeps running. In live
   * mode the run waits for a stopped live worker to stop polling first (Telegram allows one poller per bot).
   */
  async function run(): Promise<void> {
    const live = liveSettings.mode === "live" ? liveConfig() : undefined;
    if (liveSettings.mode === "live" && !live) return;
    const ticket = ++compiling;
    store.setCompiling();
    holdUntilFirstResult();
    let result;
    try {
      // A program compiled before in this browser runs without waiting for the compiler (see compile-cache.ts).
      if (!compiler.isCached(store.code.value, filename)) await startCompiler();
      store.setCompiling();
      result = await compiler.compile(store.code.value, filename);
    } catch (error) {
      if (ticket === compiling) {
        store.setCompilerFailed(errorMessage(error));
        releaseRunHold();
      }
      return;
    }
    // A newer Run click superseded this one while it compiled.
    if (ticket !== compiling || disposed) return;
    store.setCompiled(result);
    if (!result.ok) {
      releaseRunHold();
      return;
    }
    if (live) {
      runner.stop("rerun");
      await runner.drained();
      if (ticket !== compiling || disposed) return;
    }
    store.beginRun(live !== undefined);
    liveOrigin = live?.origin;
    try {
      runner.run({ code: result.code, map: result.map, filename }, { database: options.database() }, live && { token: live.token, apiRoot: live.apiRoot });
    } catch (error) {
      // No Worker at all (a very old browser, or scripts blocked).
      store.markStopped("crashed", errorMessage(error));
      releaseRunHold();
    }
  }

  function stop(): void {
    compiling++;
    releaseRunHold();
    if (runner.running) runner.stop();
    else if (store.run.value.status !== "idle") store.markStopped("user");
  }

  /**
   * Sends `update` to the running program (queued until it is ready); false when nothing is running, in
   * which case the chat shows it as not delivered.
   */
  function send(update: Update): boolean {
    // A live bot answers Telegram's chats; an update made up here would have it write to chats that do not exist.
    if (store.live.value.running && runner.running) return false;
    return runner.send(update);
  }

  /** A text message from `from` in `chat`. */
  function sendText(from: User, chat: Chat, text: string): boolean {
    return send(createTextMessageUpdate({ from, chat, text, updateId: nextUpdateId(), messageId: nextMessageId(chat.id) }));
  }

  /** A press on an inline keyboard button of the bot's `message`. */
  function pressButton(from: User, message: Message, data: string): boolean {
    return send(createCallbackQueryUpdate({ from, message, data, updateId: nextUpdateId() }));
  }

  /**
   * Sends a hand-written update with the id its author gave it (one below the bot's confirmed offset is
   * dropped and reported, as Telegram would drop it); the ids handed out afterwards go above it.
   */
  function sendCustom(update: Update): boolean {
    updateIds.used(update.update_id);
    return send(update);
  }

  function dispose(): void {
    disposed = true;
    if (typeof window !== "undefined") window.removeEventListener("pagehide", onPageHide);
    stopIntent?.();
    releaseRunHold();
    unsubscribe();
    runner.stop();
    workers.dispose();
  }

  return {
    prepare,
    run,
    stop,
    send,
    sendText,
    pressButton,
    sendCustom,
    nextUpdateId,
    dispose,
    setMode,
    setToken,
    setApiRoot,
    get running() {
      return runner.running;
    },
  };
}

/** One playground's actions. */
export type PlaygroundController = ReturnType<typeof createPlaygroundController>;

