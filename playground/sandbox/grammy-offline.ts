/**
 * The "grammy" module programs get inside the sandbox: real grammY (every export is the package's
 * own), except that
 * - `Bot` works offline: `new Bot("")` gets a token and `botInfo`, its API calls are answered by
 *   the {@link ApiSimulator}, `bot.start()` long-polls the simulator's update queue, and every
 *   update it handles is reported;
 * - `session` and `lazySession` pass every storage (the one given, or grammY's default
 *   `MemorySessionStorage` created explicitly, and each fragment's storage of a multi session)
 *   through `observeStorage`, so every storage is announced and every storage call is reported
 *   as made for the update whose session it serves (see {@link createOfflineGrammy});
 * - `enhanceStorage` remembers which storage it wraps, so that storage can still be told apart.
 * Everything else (Context, Composer, errors, keyboards, enhanceStorage…) is untouched grammY.
 *
 * In live mode (`env.live`) every `Bot` talks to the real Bot API instead: it gets the reader's token
 * (whatever the program passed), `client.apiRoot` set to the chosen root and `client.fetch` set to the only
 * fetch that may reach it; its calls are reported by a transformer rather than answered. Sessions are
 * observed exactly as in simulated mode.
 *
 * In the browser, Vite resolves "grammy" with the "browser" condition to grammY's own web build
 * (`grammy/out/web.mjs`); in Node (the unit tests) to its Node build. Both are the real package.
 */
import * as grammy from "grammy";
import type { BotConfig, BotError, Context, ErrorHandler, PollingOptions, StorageAdapter, Transformer, WebhookReplyEnvelope } from "grammy";
import type { Update } from "grammy/types";
import type { ApiSimulator } from "./bot-api/api-simulator";
import { recordWrapper } from "./storage-kind";
import type { StorageFor, StorageUse } from "./storage-tracker";

/** The token `new Bot("")` gets: the simulated bot's id and a secret that is obviously not one. */
export const SIMULATED_TOKEN = "7350123456:SIMULATED-token-the-playground-never-sends-anywhere";

/** A bot as the sandbox sees it (any `Bot` of this module is one). */
export type OfflineBot = grammy.Bot<Context, grammy.Api>;

/** How live mode's bots reach the Bot API. */
export interface LiveConnection {
  /** The reader's token; every `Bot` gets it. */
  readonly token: string;
  /** grammY's `client.apiRoot`. */
  readonly apiRoot: string;
  /** grammY's `client.fetch`: the worker's own fetch, allowed only under `apiRoot`. */
  readonly fetch: typeof fetch;
  /** Reports each call to the page (installed innermost, where the simulator's transformer goes otherwise). */
  readonly transformer: Transformer;
}

/** What the offline module reports to and relies on; the sandbox runtime implements it. */
export interface OfflineEnvironment {
  /** Answers every API call of every bot (in simulated mode). */
  readonly simulator: ApiSimulator;
  /** Set in live mode: the bots use the real Bot API through this. */
  readonly live?: LiveConnection;
  /** Announces a session storage (installed as `use` says) and returns its per-update views, whose calls are reported. */
  observeStorage<T>(storage: StorageAdapter<T>, use: StorageUse): StorageFor<T>;
  /** A `Bot` was constructed. */
  botCreated(bot: OfflineBot): void;
  /** `bot.start()` was called. */
  botStarted(bot: OfflineBot): void;
  /**
   * …and its promise settled: polling ended, because the program called `bot.stop()` or with `error`
   * (grammY's default error handler stops the bot and rethrows; or the start-up failed).
   */
  botStopped?(bot: OfflineBot, error?: unknown): void;
  /** grammY starts running middleware for `update` (through long polling or `handleUpdate`). */
  updateStarted(update: Update): void;
  /** …and finished, with what it threw (a `BotError`) if it did. */
  updateFinished(update: Update, durationMs: number, error?: unknown): void;
  /** Runs `fn` (which may return a promise) as part of handling update `updateId`. */
  runAsUpdate<T>(updateId: number | undefined, fn: () => T): T;
}

/** The module's shape: grammY's own exports. */
export type OfflineGrammy = typeof grammy;

type AnySessionOptions = Record<string, unknown> & { type?: unknown; storage?: StorageAdapter<unknown> };
type AnyMiddleware = (ctx: Context, next: () => Promise<void>) => Promise<void>;

/**
 * Builds the "grammy" module for one sandbox run. Put the result in the module registry under
 * "grammy" and "grammy/web".
 */
export function createOfflineGrammy(env: OfflineEnvironment): OfflineGrammy {
  class Bot<C extends Context = Context, A extends grammy.Api = grammy.Api> extends grammy.Bot<C, A> {
    constructor(token: string, config?: BotConfig<C>) {
      super(...botArguments(token, config, env));
      // Installed first, so it is the innermost transformer: the user's transformers see its
      // answers the way they would see Telegram's.
      this.api.config.use(env.live ? env.live.transformer : env.simulator.transformer);
      tagErrorHandler(this, env);
      env.botCreated(this as unknown as OfflineBot);
    }

    override async handleUpdate(update: Update, webhookReplyEnvelope?: WebhookReplyEnvelope): Promise<void> {
      const started = performance.now();
      env.updateStarted(update);
      try {
        await super.handleUpdate(update, webhookReplyEnvelope);
      } catch (error) {
        env.updateFinished(update, performance.now() - started, error);
        throw error;
      }
      env.updateFinished(update, performance.now() - started);
    }

    override start(options?: PollingOptions): Promise<void> {
      const bot = this as unknown as OfflineBot;
      env.botStarted(bot);
      // A new promise that settles like grammY's: a rejection nobody handles is still reported as such.
      return super.start(options).then(
        () => env.botStopped?.(bot),
        (error: unknown) => {
          env.botStopped?.(bot, error);
          throw error;
        },
      );
    }
  }

  type Middleware = StorageUse["middleware"];
  // Announced once, when the program installs the session; grammY's default storage is made here, once, so
  // every update shares it as they would share the one grammY makes.
  const observed = (storage: StorageAdapter<unknown> | undefined, middleware: Middleware, fragment?: string) => {
    const use: StorageUse = fragment === undefined ? { middleware } : { middleware, fragment };
    if (storage !== undefined) return env.observeStorage(storage, use);
    return env.observeStorage(new grammy.MemorySessionStorage<unknown>(), { ...use, default: true });
  };

  /** The program's options with each storage replaced by the view of one update, for every update. */
  function observeOptions(options: AnySessionOptions | undefined, middleware: Middleware): (updateId: number) => AnySessionOptions {
    const given = options ?? {};
    if (given.type !== "multi") {
      const storageFor = observed(given.storage, middleware);
      return (updateId) => ({ ...given, storage: storageFor(updateId) });
    }
    const fragments = Object.entries(given)
      .filter(([prop]) => prop !== "type")
      .map(([prop, fragment]) => {
        const f = (fragment ?? {}) as AnySessionOptions;
        return { prop, f, storageFor: observed(f.storage, middleware, prop) };
      });
    return (updateId) => {
      const out: AnySessionOptions = { type: "multi" };
      for (const { prop, f, storageFor } of fragments) out[prop] = { ...f, storage: storageFor(updateId) };
      return out;
    };
  }

  /**
   * grammY's middleware, made for each update with storages that report that update: updates handled at
   * the same time each get their own. grammY's session middleware keeps nothing between updates but its
   * options (read again by every call of session()), so this behaves exactly like one installed once.
   */
  const perUpdate = (build: (options: AnySessionOptions) => AnyMiddleware, optionsFor: (updateId: number) => AnySessionOptions): AnyMiddleware =>
    (ctx, next) => build(optionsFor(ctx.update.update_id))(ctx, next);

  const session: typeof grammy.session = (options) =>
    perUpdate(
      (o) => grammy.session(o as Parameters<typeof grammy.session>[0]) as AnyMiddleware,
      observeOptions(options as AnySessionOptions | undefined, "session"),
    ) as ReturnType<typeof grammy.session>;

  const lazySession: typeof grammy.lazySession = (options) => {
    const given = options as AnySessionOptions | undefined;
    // grammY refuses lazy multi sessions; let it say so in its own words.
    if (given?.type !== undefined && given.type !== "single") return grammy.lazySession(options);
    return perUpdate(
      (o) => grammy.lazySession(o as Parameters<typeof grammy.lazySession>[0]) as AnyMiddleware,
      observeOptions(given, "lazySession"),
    ) as ReturnType<typeof grammy.lazySession>;
  };

  // The enhanced storage is a plain object of closures: remember what it wraps, so the storage the
  // program uses can still be told (an enhanced IndexedDBAdapter is still IndexedDB).
  const enhanceStorage: typeof grammy.enhanceStorage = (options) => {
    const enhanced = grammy.enhanceStorage(options);
    recordWrapper(enhanced, options?.storage, true);
    return enhanced;
  };

  return Object.freeze({ ...grammy, Bot, session, lazySession, enhanceStorage }) as unknown as OfflineGrammy;
}

/**
 * What grammY's `Bot` constructor gets. Simulated: the program's token or the simulated one, and the
 * simulated `botInfo` unless the program gives its own. Live: the reader's token, and a client whose root
 * and fetch are live mode's (a program's own `buildUrl` would bypass the root, so it is dropped); no
 * `botInfo`, so grammY asks the real `getMe`.
 */
function botArguments<C extends Context>(token: string, config: BotConfig<C> | undefined, env: OfflineEnvironment): [string, BotConfig<C>] {
  const live = env.live;
  if (!live) return [token || SIMULATED_TOKEN, { ...config, botInfo: config?.botInfo ?? env.simulator.botInfo }];
  const { buildUrl: _ignored, ...client } = config?.client ?? {};
  return [live.token, { ...config, client: { ...client, apiRoot: live.apiRoot, fetch: live.fetch } }];
}

/**
 * grammY calls `bot.errorHandler` (set by `bot.catch`) after the update's middleware threw, outside
 * `handleUpdate`. Wrapping the property keeps API and storage calls made by the error handler
 * attributed to the failed update. grammY sets the property itself (`catch` assigns it), so a
 * getter/setter pair on the instance sees every handler.
 */
function tagErrorHandler(bot: object, env: OfflineEnvironment): void {
  const holder = bot as { errorHandler: ErrorHandler<Context> };
  let handler = holder.errorHandler;
  const tagged: ErrorHandler<Context> = (error: BotError<Context>) =>
    env.runAsUpdate(error?.ctx?.update?.update_id, () => handler(error));
  Object.defineProperty(bot, "errorHandler", {
    configurable: true,
    enumerable: true,
    get: () => tagged,
    set: (next: ErrorHandler<Context>) => {
      handler = next;
    },
  });
}
