import type { EmbedStrings } from "./embed";

/**
 * Every string the playground shows, as one typed object per locale, so a missing Spanish string is a
 * type error rather than an English word in a Spanish page. Strings that take values are functions.
 */
export interface PlaygroundMessages {
  /** Accessible name of the whole playground. */
  playground: string;
  toolbar: string;
  example: string;
  examples: Record<string, string>;
  run: string;
  stop: string;
  share: string;
  resetExample: string;
  clearStorage: string;
  linkCopied: string;
  copyThisLink: string;
  sharedCodeLoaded: string;
  /** The shared-link bar after the reader ran the link's code at least once. */
  sharedCodeShown: string;
  /** Added to the shared-link bar when the reader has a saved draft of the example. */
  draftKeptApart: string;
  /** Leaves the shared code for the reader's own saved draft of the example. */
  backToDraft: string;
  /** Leaves the shared code when the reader has no saved draft of the example. */
  backToExample: string;
  /** Said once the reader's draft (or the example) is back in the editor. */
  draftIsBack: string;
  /** A link whose code is over the cap (`kb` KB): nothing loaded. */
  sharedLinkTooLarge: (kb: number) => string;
  /** A link that does not decode (cut short, say): nothing loaded. */
  sharedLinkDamaged: string;
  /** The Share button refuses code over the cap (`kb` KB): such a link would not open. */
  tooLargeToShare: (kb: number) => string;
  editorLabel: string;
  loadingCompiler: string;
  loadingCompilerBytes: (loaded: string, total: string) => string;
  status: {
    idle: string;
    compiling: string;
    starting: string;
    running: string;
    stopped: string;
    compileFailed: string;
  };
  stoppedBecause: {
    user: string;
    rerun: string;
    watchdog: (update: string) => string;
    watchdogNoUpdate: string;
    crashed: (message: string) => string;
    /** The run sent the page more than `perSecond` events in one second. */
    flood: (perSecond: number) => string;
    /** The program posted on the worker's own channel. */
    refused: string;
  };
  embed: EmbedStrings;
  chat: {
    heading: string;
    region: string;
    from: string;
    chat: string;
    message: string;
    send: string;
    placeholder: string;
    privateChat: (name: string) => string;
    group: (title: string) => string;
    groupTitle: string;
    notRunning: string;
    empty: string;
    restarted: string;
    edited: string;
    deleted: string;
    pressed: (name: string, text: string) => string;
    answer: (text: string) => string;
    bot: string;
    olderHidden: (count: number) => string;
    /** A bubble's stand-in for what a message carries besides text: a Message field (`photo` → "[photo]"), or a method name. */
    nonText: (kind: string) => string;
  };
  /** What the status and the chat say when the program or its bot stopped on its own, or an update waits. */
  runStatus: {
    /** The program threw at its top level; `error` reads "ReferenceError: x is not defined". */
    loadError: (error: string, line: number | undefined) => string;
    /** grammY's default error handler stopped the bot after `update` failed with `error`. */
    botStoppedByError: (update: string, error: string, line: number | undefined) => string;
    /** `bot.start()` itself failed (no update involved). */
    botStartFailed: (error: string, line: number | undefined) => string;
    /** The program called `bot.stop()`. */
    botStoppedByProgram: string;
    /** The short status while an update waits (the chat has the details). */
    waiting: (update: string, seconds: string) => string;
  };
  /** The line under a message (or button press) that never reached the bot, by reason. */
  notDelivered: {
    noProgram: string;
    programFailed: string;
    botStopped: string;
    dropped: string;
  };
  /** The notice about an update that waits on a promise that never settles. */
  waiting: {
    heading: (update: string, seconds: string) => string;
    /** Its lazy session read `key` and the update never finished. */
    lazyRead: (key: string) => string;
    /** A storage call it started, `op(key)` (`op` is the adapter's method: read, write…), has not returned. */
    pending: (op: string, key: string) => string;
    /** Its last storage call returned; it waits on something else since. */
    afterCall: (op: string, key: string) => string;
    /** No storage call is involved. */
    unknown: string;
    /** Updates that wait behind it (bot.start() handles one at a time). */
    queued: (count: number) => string;
    guide: string;
    stop: string;
  };
  /**
   * A value's levels nested too deep to show (or to copy), collapsed into one phrase: "… 2,984 more
   * levels"; `null` when there were too many objects to count them.
   */
  deeperLevels: (levels: number | null) => string;
  custom: {
    heading: string;
    label: string;
    send: string;
    template: string;
    insert: string;
    templates: { message: string; inline: string; poll: string };
    invalid: string;
    sent: string;
  };
  traffic: {
    heading: string;
    region: string;
    empty: string;
    totals: string;
    read: string;
    write: string;
    delete: string;
    other: string;
    update: (id: number, summary: string) => string;
    outsideUpdate: string;
    failedUpdate: string;
    found: string;
    notFound: string;
    before: string;
    after: string;
    value: string;
    duration: string;
    details: string;
    noSelection: string;
    storageIndex: (index: number) => string;
    items: (count: number) => string;
    error: string;
    /** "2 calls" beside an update's title. */
    calls: (count: number) => string;
    /** "handled in 4.2 ms" (the duration is already formatted). */
    handledIn: (duration: string) => string;
    /** What the time axis of an update measures from, when the update's arrival is known… */
    axisFromUpdate: string;
    /** …and when it is not (the first call of the group is then time zero). */
    axisFromFirstCall: string;
    /** A tick of the time axis: `ms` is a round number like 0.5, 2 or 50. */
    axisTick: (ms: number) => string;
    /** "write at 3 ms", for the axis's spoken summary. */
    atTime: (op: string, time: string) => string;
    /** The band from an update's first storage call to its last. */
    sessionSpan: (from: string, to: string) => string;
    /** The band's name in the legend. */
    sessionLegend: string;
    /** Calls of a busy update not drawn on its axis (they are all listed below it). */
    moreCalls: (count: number) => string;
    /** A write that stored what the key already held. */
    unchanged: string;
    /** The tooltip of a long value's disclosure (mouse only: the keyboard expands with Enter on the log). */
    wholeValue: (key: string | undefined) => string;
    /** How to use the log from the keyboard. */
    keys: string;
  };
  /** What the traffic log says to a screen reader, and its ways to reach every call. */
  trafficA11y: {
    /** "1 read, 1 write", or that there were none. */
    callCounts: (counts: { read: number; write: number; delete: number; other: number }) => string;
    /** One update handled: "Update 3: 1 read, 1 write". `failed`: its handlers threw. */
    updateDone: (id: number, calls: string, failed: boolean) => string;
    /** Several updates handled at once, announced together. */
    updatesDone: (count: number, lastId: number, calls: string, failed: number) => string;
    /** "Call 5 of 120", the selected call's place among all calls. */
    /** "in update 3", said after each call of the log. */
    inUpdate: (id: number) => string;
    position: (index: number, total: number) => string;
    previous: string;
    next: string;
    /** Copies the whole traffic log as text. */
    copy: string;
    copied: (calls: number) => string;
    copyFailed: string;
    /** The text export's first line. */
    exportTitle: (calls: string) => string;
  };
  summary: {
    message: (from: string, chat: string, text: string) => string;
    callback: (from: string, data: string) => string;
    inline: (from: string, query: string) => string;
    poll: (from: string) => string;
    other: (kind: string) => string;
    privateChat: string;
  };
  /** The stored-sessions panel: one block per storage the running program uses. */
  inspector: {
    heading: string;
    /** Before this example has run: what the panel will show. */
    beforeRun: string;
    /** The run installed no session middleware (yet). */
    noSessions: string;
    /** Block titles, by kind of storage. */
    memory: string;
    indexedDB: string;
    custom: (className: string | undefined) => string;
    /** The block's multi-session fragment. */
    fragment: (name: string) => string;
    /** What the block's storage is exactly, and how it was installed. */
    memoryDefault: string;
    memoryExplicit: string;
    location: (database: string, store: string) => string;
    lazy: string;
    enhanced: string;
    memoryExplanation: string;
    /** The run stopped: its memory went with it. */
    memoryGone: string;
    customExplanation: string;
    enhancedExplanation: string;
    empty: string;
    emptyMemory: string;
    cleared: string;
    /** IndexedDB was cleared, memory could not be (it is inside the running bot). */
    clearedMemoryStays: string;
    clearFailed: (message: string) => string;
    unavailable: (message: string) => string;
    keyCount: (count: number) => string;
  };
  console: {
    heading: string;
    region: string;
    empty: string;
    line: (line: number, text: string) => string;
    compileErrors: string;
    update: (id: number) => string;
    /** The program logged faster than the page shows; `count` lines were left out. */
    skipped: (count: number) => string;
  };
  /** Panes, splitters, the console toggle and the phone's tabs (issue 9's layout). */
  layout: {
    /** Names of the splitters, after the pane they follow. */
    resizeEditor: string;
    resizeChat: string;
    resizeTraffic: string;
    resizeConsole: string;
    resizeBottom: string;
    /** The console toggle's visible text and its accessible name. */
    consoleButton: string;
    consoleCount: (lines: number, errors: number) => string;
    views: string;
    tabCode: string;
    tabChat: string;
    tabTraffic: string;
    /** The Traffic tab's name while calls wait unseen: "Traffic, 2 new". */
    trafficNew: (count: number) => string;
    latestCalls: string;
    latestNone: string;
    allTraffic: string;
  };
  durationMs: (ms: number) => string;
}
