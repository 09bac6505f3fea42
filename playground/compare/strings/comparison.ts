/**
 * The shape of the strict-vs-lazy and session-key views' words (each language's are in
 * `locales/<lang>/comparison.ts`). Numbers are formatted for the language; the counts always come from the run.
 */
import type { SideId } from "../../scenario";
import { COMPARISON_STRINGS } from "../../../locales";
import type { Locale } from "../../i18n/locale";

/** Every string of the two views in one language. */
export interface ComparisonStrings {
  n(value: number): string;
  views: { "strict-vs-lazy": string; keys: string };
  sides: Record<SideId, { title: string; detail: string }>;
  editor: {
    heading: string;
    preset: string;
    ownScenario: string;
    textarea: string;
    help: string;
    helpLines: string[];
    run: string;
    runAgain: string;
    noUpdates: string;
    tooMany(count: number, max: number): string;
    refused(count: number): string;
    /** What the folded editor shows next to its heading: the preset (or "your own") and the update count. */
    summary(name: string, updates: number): string;
  };
  status: {
    idle: string;
    loading: string;
    loadingBytes(loaded: string, total: string): string;
    running(done: number, total: number): string;
    done(total: number): string;
    failed(message: string): string;
  };
  steps: {
    label: string;
    first: string;
    back: string;
    forward: string;
    last: string;
    slider: string;
    position(k: number, total: number): string;
  };
  lanes: {
    caption: string;
    number: string;
    update: string;
    noCalls: string;
    waiting: string;
    read(found: boolean | undefined): string;
    write(bytes: number): string;
    delete: string;
    failed(error: string): string;
    callOn(op: string, key: string): string;
    /** A side's running totals after an update, written next to its bars. */
    soFar(calls: number, bytes: number): string;
    /** Names one side's part of an update card (phones), or its column. */
    sideCalls(title: string): string;
  };
  totals: {
    heading: string;
    reads: string;
    writes: string;
    deletes: string;
    calls: string;
    bytes: string;
    difference: string;
    sinceStart(k: number, total: number): string;
    /** The noun after a count: "1 read", "10 reads". */
    unit: Record<"reads" | "writes" | "deletes", (count: number) => string>;
  };
  keys: {
    keyOf(key: string): string;
    noKey: string;
    noKeyDetail: string;
    sessionsHeading: string;
    sessionsAfter(k: number): string;
    sessionCount(count: number): string;
    noSessions: string;
    /** A stored value's levels nested too deep to show, collapsed, in the playground's wording ("… 2,984 more levels"). */
    deeperLevels(levels: number | null): string;
    storeLabel(store: string): string;
    groupsHeading: string;
    /** A side's groups, as a region name. */
    groupsOf(title: string): string;
    updatesUnder(key: string): string;
    updatesWithoutKey: string;
    updateCount(count: number): string;
    noUpdatesYet: string;
  };
  programs: { summary: string; of(title: string): string };
  describe: {
    people: Record<"ana" | "ben" | "chloe", string>;
    place: Record<"private" | "group" | "group2", string>;
    message(who: string, where: string, text: string): string;
    button(who: string, where: string, data: string): string;
    inline(who: string, query: string): string;
    poll(who: string, options: string): string;
  };
}

/** The strings of `locale`. */
export function comparisonStrings(locale: Locale): ComparisonStrings {
  return COMPARISON_STRINGS[locale];
}
