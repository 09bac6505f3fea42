import { inject, nextTick, onScopeDispose, provide, ref, watch, type InjectionKey, type Ref } from "vue";
import type { PlaygroundStore } from "../store";
import { AnnounceThrottle } from "./announce-throttle";
import { HandledUpdates } from "./handled-updates";
import { useMessages } from "./messages";
import { announcementText } from "./update-announcement";

/** The traffic's one polite live region: what it says now, and a way to say something else. */
export interface TrafficAnnouncer {
  text: Ref<string>;
  say(message: string): void;
}

const KEY: InjectionKey<TrafficAnnouncer> = Symbol("session-lab-traffic-announcer");

/**
 * Speaks one sentence per handled update ("Update 3: 1 read, 1 write") through a polite live region,
 * bursts merged (see AnnounceThrottle). The caller renders `text` in an element with `aria-live="polite"`
 * that is always displayed: a live region inside a hidden tab says nothing.
 */
export function useTrafficAnnouncer(store: PlaygroundStore): TrafficAnnouncer {
  const { t } = useMessages();
  const text = ref("");
  const tracker = new HandledUpdates();

  function say(message: string): void {
    // The same sentence twice would not change the region: empty it first so it is spoken again.
    if (text.value === message) {
      text.value = "";
      void nextTick(() => (text.value = message));
    } else text.value = message;
  }

  const throttle = new AnnounceThrottle((batch) => say(announcementText(t, batch)));
  watch(
    () => store.handled.value,
    (handled) => {
      const batch = tracker.collect(store.trafficRows.value, handled, store.lastHandledUpdateId.value, store.failedUpdates());
      if (batch) throttle.push(batch);
    },
  );
  watch(
    () => store.run.value.runNumber,
    () => {
      tracker.reset();
      throttle.cancel();
      text.value = "";
    },
  );
  onScopeDispose(() => throttle.cancel());
  return { text, say };
}

/**
 * For a layout that may hide the traffic log (the phone's tabs): announces from an element it keeps
 * displayed, and tells the log below not to render a second region.
 */
export function provideTrafficAnnouncer(store: PlaygroundStore): TrafficAnnouncer {
  const announcer = useTrafficAnnouncer(store);
  provide(KEY, announcer);
  return announcer;
}

/** The announcer a layout above provides, if any. */
export function injectTrafficAnnouncer(): TrafficAnnouncer | undefined {
  return inject(KEY, undefined);
}
