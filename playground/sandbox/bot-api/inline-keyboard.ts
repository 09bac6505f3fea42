/**
 * The checks Telegram makes on a message's inline keyboard, with its error texts: a button needs a
 * text and exactly one action, callback data is 1–64 bytes, and a url button opens only the schemes
 * Telegram opens (`BUTTON_URL_INVALID` otherwise, which the chat relies on).
 */
import { isButtonUrlAllowed } from "../../telegram/button-url";
import { badRequest, type Payload } from "./api-failure";

const INLINE_BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

/**
 * The markup a sent message keeps: Telegram's `Message.reply_markup` only ever holds an inline
 * keyboard (reply keyboards belong to the client, not the message), after the checks Telegram makes.
 */
export function inlineMarkupOf(markup: unknown): Payload | undefined {
  if (markup === undefined) return undefined;
  if (typeof markup !== "object" || markup === null) throw badRequest("can't parse reply keyboard markup JSON object");
  const rows = (markup as Payload).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  for (const button of rows.flat() as Payload[]) {
    if (typeof button !== "object" || button === null) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
    if (typeof button.text !== "string" || button.text === "") throw badRequest("can't parse inline keyboard button: Text must be non-empty");
    if (!INLINE_BUTTON_ACTIONS.some((action) => button[action] !== undefined)) {
      throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
    // Telegram's answer to any url it would not open (blob:, data:, javascript:…).
    if (button.url !== undefined && !isButtonUrlAllowed(button.url)) throw badRequest("BUTTON_URL_INVALID");
    if (button.callback_data !== undefined) {
      const bytes = utf8Length(String(button.callback_data));
      if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
    }
  }
  return { inline_keyboard: rows };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
