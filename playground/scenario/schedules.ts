/**
 * The ways the lost-update demo hands updates to the bot. Apart from `concurrency.ts` because that
 * file imports grammY, which must stay in the worker; the page only needs these names.
 */

/** How the updates reach the bot. */
export type Schedule = "sequential" | "concurrent" | "sequentialized";

/** Every schedule, in the order the view shows them. */
export const SCHEDULES: readonly Schedule[] = ["sequential", "concurrent", "sequentialized"];
