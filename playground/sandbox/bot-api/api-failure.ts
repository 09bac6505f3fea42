/** How the simulated Telegram refuses a call, and the small readers its parts share. */

/** A call's parameters, as they arrive on the wire (JSON). */
export type Payload = Record<string, unknown>;

/** Telegram's answer to a call that failed, carried through `answer()` as an exception. */
export class ApiFailure extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/** Telegram's 400, with its "Bad Request: " prefix. */
export const badRequest = (description: string) => new ApiFailure(400, `Bad Request: ${description}`);

/** A whole number, given as one or as its decimal string (Telegram accepts both). */
export function integerOf(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}
