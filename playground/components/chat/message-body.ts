/**
 * What a bot message's bubble shows: its text or caption with their entities, and, for a message
 * that carries something else (a photo, a die, a poll…), which kind of thing that is, so the bubble
 * can say "[photo]" in the reader's language.
 */
import type { Message, MessageEntity } from "grammy/types";
import { BOT_API_METHODS } from "virtual:bot-api-schema";
import type { ChatBotMessage } from "../../store";

/**
 * Each field a send method's Message carries, with how many send methods carry it: a message with
 * both `document` and `animation` is an animation (the field fewer methods share is the specific one).
 */
const CONTENT_FIELDS = new Map<string, number>();
for (const [method, shape] of Object.entries(BOT_API_METHODS)) {
  if (!method.startsWith("send") || shape.returns !== "message") continue;
  for (const field of shape.content ?? []) if (field !== "text") CONTENT_FIELDS.set(field, (CONTENT_FIELDS.get(field) ?? 0) + 1);
}

/** The text a bubble shows, and the entities that format it. */
export interface MessageBody {
  /** A content field such as `photo` or `dice`, when the message carries more than text. */
  media?: string;
  text: string;
  entities?: MessageEntity[];
}

/** The body of `entry`; after an edit Telegram did not answer with a Message, its text without formatting. */
export function messageBody(entry: ChatBotMessage): MessageBody {
  const message: Message = entry.message;
  const own = message.text !== undefined ? { text: message.text, entities: message.entities } : { text: message.caption ?? "", entities: message.caption_entities };
  const body: MessageBody = own.text === entry.text ? own : { text: entry.text };
  const media = mediaOf(message);
  return media ? { ...body, media } : body;
}

function mediaOf(message: Message): string | undefined {
  const fields = Object.keys(message).filter((key) => CONTENT_FIELDS.has(key));
  fields.sort((a, b) => CONTENT_FIELDS.get(a)! - CONTENT_FIELDS.get(b)!);
  return fields[0];
}
