/**
 * The grammY programs the comparison views run, one per side: the pizza counter, under strict
 * `session()` or `lazySession()`, keyed per chat, per user or per user and chat, each side on its
 * own IndexedDB object store; for the lost-update view, also without `bot.start()` (its updates are
 * handed over all at once) and with the runner's `sequentialize` before the session. The handlers are the same on every side (lazy ones `await` the
 * session, as lazy sessions require), so the storage traffic differs only by what the side changes.
 * The source is meant to be shown to readers, so it is built as plain, commented TypeScript.
 */
import type { Localized } from "./format";
import { PROGRAM_STRINGS } from "../../locales";
import type { Locale } from "../i18n/locale";

/** `session()` (reads on every update with a key) or `lazySession()` (reads when touched). */
export type SessionMode = "strict" | "lazy";
/** Whose session an update gets: its chat's (grammY's default), its sender's, or the sender's in that chat. */
export type KeyStrategy = "chat" | "user" | "user-chat";

/** What makes one side's program. */
export interface ProgramSpec {
  mode: SessionMode;
  key: KeyStrategy;
  /** The IndexedDB object store the side's sessions live in. */
  store: string;
  /**
   * The updates arrive all at once (concurrent dispatch, as from a webhook server or grammY's runner), so the
   * program does not call `bot.start()`, which would take them one at a time.
   */
  concurrent?: boolean;
  /** `bot.use(sequentialize(getSessionKey))` before the session, as grammY's docs recommend for concurrent updates. */
  sequentialize?: boolean;
}

/** The callback data of the button the /hunger reply carries; scenarios press it with `[button pizza:add]`. */
export const ADD_PIZZA_DATA = "pizza:add";

/** The sides the comparisons have: the two session kinds, and the three keys. */
export type SideId = "strict" | "lazy" | "chat" | "user" | "user-chat";

/** One side of a comparison: a name for readers and the program it runs. */
export interface ComparisonSide {
  id: SideId;
  /** Used inside sentences ("Lazy saved…", "La sesión perezosa ahorró…"). */
  label: Localized;
  spec: ProgramSpec;
}

/** The comparisons that run one program per side. */
export type ProgramComparison = "strict-vs-lazy" | "keys";

/** The sides of each comparison; the first side is the baseline the others are measured against. */
export const COMPARISONS: Readonly<Record<ProgramComparison, readonly ComparisonSide[]>> = {
  "strict-vs-lazy": [
    { id: "strict", label: { en: "strict", es: "la sesión estricta" }, spec: { mode: "strict", key: "chat", store: "strict" } },
    { id: "lazy", label: { en: "lazy", es: "la sesión perezosa" }, spec: { mode: "lazy", key: "chat", store: "lazy" } },
  ],
  keys: [
    { id: "chat", label: { en: "the per-chat key", es: "la clave por chat" }, spec: { mode: "strict", key: "chat", store: "by-chat" } },
    { id: "user", label: { en: "the per-user key", es: "la clave por usuario" }, spec: { mode: "strict", key: "user", store: "by-user" } },
    {
      id: "user-chat",
      label: { en: "the per-user-and-chat key", es: "la clave por usuario y chat" },
      spec: { mode: "strict", key: "user-chat", store: "by-user-and-chat" },
    },
  ],
};

/** The comments and the bot's reply of a generated program, in one language (`locales/<lang>/scenario.ts`). */
export interface ProgramStrings {
  header(spec: ProgramSpec): string;
  data: string;
  lazyFlavor: string;
  keyComment: Record<KeyStrategy, string[]>;
  pizza: string;
  hunger: string;
  /** The reply's template literal, as code (it reads `count`). */
  reply: string;
  button: string;
  inline: string;
  sessionKey: string;
  sequentialize: string[];
  concurrent: string[];
}

/** The key function as a named constant, for sequentialize and the session to share. */
const KEY_CONST: Record<KeyStrategy, string[]> = {
  chat: ["const getSessionKey = (ctx: Context) => ctx.chatId?.toString();"],
  user: ["const getSessionKey = (ctx: Context) => ctx.from?.id.toString();"],
  "user-chat": [
    "const getSessionKey = (ctx: Context) =>",
    "  ctx.from === undefined || ctx.chatId === undefined ? undefined : `${ctx.from.id}/${ctx.chatId}`;",
  ],
};

const KEY_OPTION: Record<KeyStrategy, string[]> = {
  chat: [],
  user: ["    getSessionKey: (ctx) => ctx.from?.id.toString(),"],
  "user-chat": [
    "    getSessionKey: (ctx) =>",
    "      ctx.from === undefined || ctx.chatId === undefined ? undefined : `${ctx.from.id}/${ctx.chatId}`,",
  ],
};

/** The complete program of one side, in `locale` (comments and the bot's reply). */
export function generateProgram(spec: ProgramSpec, locale: Locale): string {
  const t = PROGRAM_STRINGS[locale];
  const lazy = spec.mode === "lazy";
  // In a lazy session every handler first awaits the data; a strict one has it at hand.
  const session = lazy ? "session" : "ctx.session";
  const load = lazy ? ["  const session = await ctx.session;"] : [];
  const lines = [
    t.header(spec),
    `import { Bot, Context, InlineKeyboard, ${lazy ? "lazySession, LazySessionFlavor" : "session, SessionFlavor"} } from "grammy";`,
    'import { IndexedDBAdapter } from "@session-lab/adapters-browser";',
    ...(spec.sequentialize ? ['import { sequentialize } from "@grammyjs/runner";'] : []),
    "",
    t.data,
    "interface SessionData {",
    "  pizzaCount: number;",
    "}",
    ...(lazy ? [t.lazyFlavor] : []),
    `type MyContext = Context & ${lazy ? "LazySessionFlavor" : "SessionFlavor"}<SessionData>;`,
    "",
    'const bot = new Bot<MyContext>("");',
    "",
    ...t.keyComment[spec.key],
    ...(spec.sequentialize ? [t.sessionKey, ...KEY_CONST[spec.key], "", ...t.sequentialize, "bot.use(sequentialize(getSessionKey));", ""] : []),
    "bot.use(",
    `  ${lazy ? "lazySession" : "session"}({`,
    "    initial: (): SessionData => ({ pizzaCount: 0 }),",
    ...(spec.sequentialize ? ["    getSessionKey,"] : KEY_OPTION[spec.key]),
    `    storage: new IndexedDBAdapter({ store: ${JSON.stringify(spec.store)} }),`,
    "  }),",
    ");",
    "",
    t.hunger,
    'bot.command("hunger", async (ctx) => {',
    ...load,
    `  const count = ${session}.pizzaCount;`,
    `  await ctx.reply(${t.reply}, {`,
    `    reply_markup: new InlineKeyboard().text("🍕 +1", ${JSON.stringify(ADD_PIZZA_DATA)}),`,
    "  });",
    "});",
    "",
    t.pizza,
    `bot.hears(/🍕/, ${lazy ? "async " : ""}(ctx) => {`,
    ...load,
    `  ${session}.pizzaCount++;`,
    "});",
    "",
    t.button,
    `bot.callbackQuery(${JSON.stringify(ADD_PIZZA_DATA)}, async (ctx) => {`,
    ...load,
    `  ${session}.pizzaCount++;`,
    `  await ctx.answerCallbackQuery(\`🍕 × \${${session}.pizzaCount}\`);`,
    "});",
    "",
    t.inline,
    'bot.on("inline_query", (ctx) => ctx.answerInlineQuery([]));',
    "",
    ...(spec.concurrent ? t.concurrent : ["bot.start();"]),
    "",
  ];
  return lines.join("\n");
}
