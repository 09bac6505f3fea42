/**
 * The time axis of one update's storage calls, as numbers a view can draw: where each call starts and
 * how long it lasts as a percentage of the axis, which lane its glyph sits in so that glyphs at the same
 * moment do not hide each other, and the band from the first call to the last. Pure: no DOM, no Vue.
 */
import type { StorageOpEvent, TrafficGroupRow } from "../../store";

/** One call on the axis. `left` and `width` are percentages of the axis's length. */
export interface AxisGlyph {
  event: StorageOpEvent;
  /** Its place among the group's calls (the order they were reported in). */
  index: number;
  /** When the call started, in ms from the axis's zero. */
  startMs: number;
  left: number;
  width: number;
  /** Its row on the axis, from the top: one per call while there are few, shared when there are many. */
  lane: number;
}

/** Everything needed to draw one update's timeline. */
export interface UpdateAxis {
  /** Zero is when the update arrived (true), or its first storage call (the arrival is unknown). */
  fromUpdate: boolean;
  /** The axis's length in ms: a round number (1, 2, 5 × 10ⁿ) at least as long as the calls' span. */
  extentMs: number;
  /** The band from the first call's start to the last call's end. */
  span: { fromMs: number; toMs: number; left: number; width: number };
  /** The calls drawn, in the order they started. */
  glyphs: AxisGlyph[];
  /** Calls left off the axis (a busy group draws its first `maxGlyphs` only). */
  hidden: number;
  /** How many lanes the glyphs use. */
  lanes: number;
}

/** How {@link buildAxis} lays glyphs out. */
export interface AxisOptions {
  /** Calls drawn at most; the rest are counted in `hidden`. */
  maxGlyphs?: number;
  /** A glyph's width as a fraction of the axis (glyph px / axis px), to tell when two would overlap. */
  glyphFraction?: number;
  /** Lanes available for glyphs that would overlap. */
  lanes?: number;
}

/** The smallest of 1, 2, 5 × 10ⁿ ms that is at least `ms` and at least `min`. */
export function niceExtent(ms: number, min: number): number {
  const target = Math.max(ms, min, 1e-6);
  let power = 10 ** Math.floor(Math.log10(target));
  for (;;) {
    for (const step of [1, 2, 5]) {
      // Rounded so 0.1 × 2 is 0.2, not 0.20000000000000004.
      const value = Number((step * power).toPrecision(6));
      if (value >= target - 1e-9) return value;
    }
    power *= 10;
  }
}

/** Lays out the time axis of `group`. */
export function buildAxis(group: Pick<TrafficGroupRow, "calls" | "firstStart" | "lastEnd" | "timing">, options: AxisOptions = {}): UpdateAxis {
  const maxGlyphs = options.maxGlyphs ?? 40;
  const glyphFraction = options.glyphFraction ?? 0.04;
  const laneCount = Math.max(1, options.lanes ?? 2);
  const received = group.timing?.receivedAt;
  const fromUpdate = received !== undefined && received <= group.firstStart;
  const origin = fromUpdate ? received : group.firstStart;
  // Times from Date.now() are whole milliseconds: an axis shorter than 1 ms would claim a precision the
  // clock does not have. Finer clocks (fractions of a ms) may draw down to 0.1 ms.
  const wholeMs = Number.isInteger(origin) && Number.isInteger(group.firstStart);
  const extentMs = niceExtent(group.lastEnd - origin, wholeMs ? 1 : 0.1);
  const percent = (ms: number) => Math.min(100, Math.max(0, (ms / extentMs) * 100));

  const drawn = group.calls
    .slice(0, maxGlyphs)
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.startedAt - b.event.startedAt || a.event.id - b.event.id);
  const laneEnds: number[] = Array.from({ length: laneCount }, () => -Infinity);
  const waterfall = drawn.length <= laneCount;
  const glyphs = drawn.map(({ event, index }, order): AxisGlyph => {
    const startMs = event.startedAt - origin;
    const left = percent(startMs);
    const width = Math.max(0, percent(startMs + event.durationMs) - left);
    // A glyph is centred on its start: it takes half a glyph on each side, or its duration if longer.
    const from = left - (glyphFraction * 100) / 2;
    const to = Math.max(left + (glyphFraction * 100) / 2, left + width);
    // Few calls: one lane each, top to bottom in the order they started, like a waterfall. More: a call
    // shares the first lane free where it starts.
    let lane = waterfall ? order : laneEnds.findIndex((end) => end <= from);
    if (lane === -1) lane = laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = to;
    return { event, index, startMs, left, width, lane };
  });
  const fromMs = group.firstStart - origin;
  const toMs = group.lastEnd - origin;
  return {
    fromUpdate,
    extentMs,
    span: { fromMs, toMs, left: percent(fromMs), width: percent(toMs) - percent(fromMs) },
    glyphs,
    hidden: group.calls.length - drawn.length,
    lanes: glyphs.reduce((most, glyph) => Math.max(most, glyph.lane + 1), 1),
  };
}
