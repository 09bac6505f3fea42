/**
 * Served by `botApiSchemaPlugin()` (bot-api-schema-plugin.ts): the Bot API's methods and update kinds,
 * read from the installed `@grammyjs/types` at build time.
 */
declare module "virtual:bot-api-schema" {
  import type { Update } from "grammy/types";

  /** What a method answers, from its declared return type. */
  export type MethodReturn = "true" | "message" | "array" | "message-or-true" | "other";
  /** One method as the simulator needs to know it. */
  export interface MethodShape {
    readonly returns: MethodReturn;
    /** For `message`: the fields its Message must have beyond every message's own, e.g. `["photo"]`. */
    readonly content?: readonly string[];
  }
  /** Every Bot API method grammY's types declare, by name. */
  export const BOT_API_METHODS: Readonly<Record<string, MethodShape>>;
  /** Every kind of update (a key of `Update` other than `update_id`). */
  export const UPDATE_KINDS: readonly Exclude<keyof Update, "update_id">[];
  /** The kinds Telegram sends when `allowed_updates` is empty or never set. */
  export const DEFAULT_UPDATE_KINDS: readonly Exclude<keyof Update, "update_id">[];
}
