import { computed, onBeforeUnmount, ref, watch, type Ref } from "vue";

/** What {@link useWindowedList} needs to know. */
export interface WindowedListOptions {
  /** The scrolling element. */
  container: Ref<HTMLElement | undefined>;
  /** How many rows there are. */
  count: Ref<number>;
  /** Every row's height in pixels (fixed: that is what makes any slice cheap to find). */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps. */
  overscan?: number;
}

/**
 * Renders only the rows in view of a long list of fixed-height rows: the list keeps its full scroll
 * height (a spacer), and `start`/`end` say which rows to put in the DOM. While the reader is at the
 * bottom, new rows keep it at the bottom, like a terminal; scrolling up stops that.
 */
export function useWindowedList(options: WindowedListOptions) {
  const { container, count, rowHeight } = options;
  const overscan = options.overscan ?? 8;
  const scrollTop = ref(0);
  const viewport = ref(400);
  const following = ref(true);

  const start = computed(() => Math.max(0, Math.floor(scrollTop.value / rowHeight) - overscan));
  const end = computed(() => Math.min(count.value, Math.ceil((scrollTop.value + viewport.value) / rowHeight) + overscan));
  const totalHeight = computed(() => count.value * rowHeight);
  const offset = computed(() => start.value * rowHeight);

  function measure(): void {
    const el = container.value;
    if (!el) return;
    viewport.value = el.clientHeight || viewport.value;
    scrollTop.value = el.scrollTop;
  }

  function onScroll(): void {
    const el = container.value;
    if (!el) return;
    scrollTop.value = el.scrollTop;
    following.value = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
  }

  function toBottom(): void {
    const el = container.value;
    if (!el) return;
    // Known sizes, so nothing is read back from layout: the spacer is count × rowHeight tall.
    const bottom = Math.max(0, totalHeight.value - viewport.value);
    el.scrollTop = bottom;
    scrollTop.value = bottom;
  }

  /** Scrolls just enough to show row `index` (keyboard navigation). */
  function reveal(index: number): void {
    const el = container.value;
    if (!el) return;
    const top = index * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    onScroll();
  }

  // Right after the DOM is patched, in the same frame: the layout this forces is the one the frame needs
  // anyway, instead of a second one in the next frame.
  watch(count, () => {
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
  onBeforeUnmount(() => observer?.disconnect());

  return { start, end, totalHeight, offset, onScroll, reveal, following, toBottom };
}
