/**
 * A Bot API payload as grammY sends it: serialised to JSON with nulls and undefined dropped, and each
 * `InputFile` named as an `attach://` reference instead of sent along. The simulator answers this shape,
 * and live mode reports it to the page, so both show what Telegram would see.
 */
import type { Payload } from "./api-failure";

/** `payload` as it would go on the wire. */
export function toWirePayload(payload: unknown): Payload {
  if (payload === undefined || payload === null) return {};
  const json = JSON.stringify(payload, (_key, value: unknown) => {
    if (value === null) return undefined;
    if (typeof value === "object" && typeof (value as { toRaw?: unknown }).toRaw === "function") {
      return `attach://${(value as { filename?: string }).filename ?? "file"}`;
    }
    return value;
  });
  return json === undefined ? {} : (JSON.parse(json) as Payload);
}
