import type { HeroEvent, HeroRun, HeroUpdate } from "./types";

/** An update of the strip with the position of everything in it on the run's one timeline. */
export interface SequencedUpdate extends Omit<HeroUpdate, "events"> {
  /** When the update's message appears. */
  step: number;
  events: { event: HeroEvent; step: number }[];
}

/**
 * Numbers the message of each update and what followed it, in the order it happened, across the whole
 * run: the strip shows step `n` after step `n - 1`, so a reply lands between the read and the write
 * when that is when grammY sent it.
 */
export function sequenceHeroRun(run: HeroRun): SequencedUpdate[] {
  let step = 0;
  return run.updates.map((update) => ({
    ...update,
    step: step++,
    events: update.events.map((event) => ({ event, step: step++ })),
  }));
}
