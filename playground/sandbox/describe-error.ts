/** Describes a thrown value in one line (`Name: message`), for event fields that must be strings. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === "string" ? error : String(error);
}
