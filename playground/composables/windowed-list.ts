import { computed, onBeforeUnmount, ref, watch, type Ref } from "vue";

/** What {@link useWindowedList} needs to know. */
export interface WindowedListOptions {
  /** The scrolling element. */
  container: Ref<HTMLElement | undefined>;
  /** How many rows there are. */
  count: Ref<number>;
  /**
   * Row `index`'s height in pixels. Known without layout for most rows (each kind of row has its own fixed
   * height); rows that grow (an expanded value) report what they measured, then call `invalidate(index)`.
   */
  heightOf: (index: number) => number;
  /** Pixels rendered beyond each edge of the viewport, so fast scrolling shows no gaps. */
  overscanPx?: number;
}

/**
 * Renders only the rows in view of a long list: the list keeps its full scroll height (a spacer), and
 * `start`/`end` say which rows to put in the DOM. Row tops are prefix sums of the rows' heights, built
 * once as rows arrive and rebuilt only from a row whose height changed, so finding the rows in view is a
 * binary search and nothing is read back from layout per row. While the reader is at the bottom, new rows
 * keep it at the bottom, like a terminal; scrolling up stops that.
 */
export function useWindowedList(options: WindowedListOptions) {
  const { container, count, heightOf } = options;
  const overscan = options.overscanPx ?? 200;
  const scrollTop = ref(0);
  const viewport = ref(400);
  const width = ref(0);
  const following = ref(true);
  const tops = new RowTops(heightOf);
  const version = ref(0);

  // A fresh wrapper each time: the array itself is reused, and a computed returning the same array would
  // look unchanged to its dependents.
  const positions = computed(() => {
    void version.value;
    return { tops: tops.build(count.value) };
  });
  const start = computed(() => RowTops.rowAt(positions.value.tops, count.value, scrollTop.value - overscan));
  const end = computed(() => Math.min(count.value, RowTops.rowAt(positions.value.tops, count.value, scrollTop.value + viewport.value + overscan) + 1));
  const totalHeight = computed(() => positions.value.tops[count.value] ?? 0);
  const offset = computed(() => positions.value.tops[start.value] ?? 0);

  /** Row heights from `index` on may have changed: their tops are recomputed. */
  function invalidate(index: number): void {
    tops.invalidate(index);
    version.value++;
  }

  function measure(): void {
    const el = container.value;
    if (!el) return;
    viewport.value = el.clientHeight || viewport.value;
    width.value = el.clientWidth || width.value;
    // A list that was hidden (a closed tab) while rows arrived could not scroll then: catch up now.
    if (following.value && el.clientHeight > 0) toBottom();
    else scrollTop.value = el.scrollTop;
  }

  /** Where the list last scrolled itself; its own scroll event must not read as the reader leaving the bottom. */
  let scrolledTo = -1;
  function onScroll(): void {
    const el = container.value;
    if (!el) return;
    // The scroll event of the list's own scrolling comes a frame later, when more rows may have arrived
    // and `toBottom` has moved the rows in view on: it says nothing new.
    if (Math.abs(el.scrollTop - scrolledTo) < 1) {
      scrolledTo = -1;
      return;
    }
    scrollTop.value = el.scrollTop;
    following.value = el.scrollTop + el.clientHeight >= el.scrollHeight - 30;
  }

  /** The scroll position that shows the last row at the bottom. */
  const bottomTop = () => Math.max(0, totalHeight.value - viewport.value);
  let scrollFrame = 0;
  function toBottom(): void {
    if (!container.value) return;
    // Known sizes, so nothing is read back from layout: the spacer is as tall as the rows' heights add up to.
    // The rows in view follow at once; the element itself scrolls in the next frame. Setting `scrollTop`
    // lays the page out there and then, and during a burst rows arrive in many tasks per frame: scrolled
    // after each of them, the page was laid out a dozen times a frame (a third of a 1,000-update burst's
    // main-thread time); scrolled once, in the frame, it is laid out once.
    scrollTop.value = bottomTop();
    if (scrollFrame || typeof requestAnimationFrame === "undefined") return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const el = container.value;
      if (!el || !following.value) return;
      el.scrollTop = bottomTop();
      scrolledTo = el.scrollTop;
    });
  }

  /** Scrolls just enough to show row `index` (keyboard navigation). */
  function reveal(index: number): void {
    const el = container.value;
    if (!el) return;
    const list = positions.value.tops;
    const top = list[index] ?? 0;
    const bottom = list[index + 1] ?? top;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = Math.min(top, bottom - el.clientHeight);
    onScroll();
  }

  watch(count, (now, before) => {
    if (now < before) invalidate(0);
    if (following.value) toBottom();
  }, { flush: "post" });

  let observer: ResizeObserver | undefined;
  watch(container, (el) => {
    observer?.disconnect();
    if (!el) return;
    measure();
    if (typeof ResizeObserver !== "undefined") {
      observer = new ResizeObserver(measure);
      observer.observe(el);
    }
  }, { immediate: true });
  onBeforeUnmount(() => {
    observer?.disconnect();
    if (scrollFrame) cancelAnimationFrame(scrollFrame);
  });

  return { start, end, totalHeight, offset, width, onScroll, reveal, invalidate, following, toBottom };
}

/**
 * The tops of rows of varying height, as prefix sums: `tops[i]` is row i's top and `tops[count]` the
 * list's height. Built once as rows arrive and rebuilt only from a row whose height changed.
 */
export class RowTops {
  private readonly tops: number[] = [0];
  private built = 0;

  constructor(private readonly heightOf: (index: number) => number) {}

  /** The tops of the first `count` rows (the same array, brought up to date). */
  build(count: number): number[] {
    const list = this.tops;
    if (this.built > count) this.built = count;
    list.length = count + 1;
    for (let i = this.built; i < count; i++) list[i + 1] = list[i] + this.heightOf(i);
    this.built = count;
    return list;
  }

  /** Rows from `index` on may have a new height. */
  invalidate(index: number): void {
    this.built = Math.min(this.built, Math.max(0, index));
  }

  /** The row that covers height `y` (the first row whose bottom is below it), by binary search. */
  static rowAt(tops: readonly number[], count: number, y: number): number {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tops[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo);
  }
}
