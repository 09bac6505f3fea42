/**
 * The ways the lost-update view hands updates to the bot, by name: the page, the strings and the tests
 * need only these, not the rest of `concurrency.ts`.
 */

/** How the updates reach the bot. */
export type Schedule = "sequential" | "concurrent" | "sequentialized";

/** Every schedule, in the order the view shows them. */
export const SCHEDULES: readonly Schedule[] = ["sequential", "concurrent", "sequentialized"];
