import { onBeforeUnmount, onMounted, ref, type Ref } from "vue";

/**
 * How a playground arranges its panels, chosen from the width it has (its container, not the device):
 * `columns`, the full page's editor | chat | traffic; `stacked`, a guide page's editor above chat | traffic;
 * `phone`, one panel at a time behind Code / Chat / Traffic tabs.
 */
export type PlaygroundLayout = "columns" | "stacked" | "phone";

/** Below this width (CSS px) the panels no longer fit side by side. */
export const PHONE_BELOW = 640;

/** The layout for a playground `width` px wide; `full` is the /playground page. */
export function layoutFor(width: number, full: boolean): PlaygroundLayout {
  if (width < PHONE_BELOW) return "phone";
  return full ? "columns" : "stacked";
}

/**
 * The layout of the element in `root`, following its width (a ResizeObserver: a container query the
 * script can act on, since the layouts differ in structure, not only in style). Before the element is
 * measured, the window's width stands in for it (a guide page's column is at most ~690 px wide).
 */
export function useLayoutMode(root: Ref<HTMLElement | undefined>, full: boolean): Ref<PlaygroundLayout> {
  const guess = typeof window === "undefined" ? 1024 : full ? window.innerWidth : Math.min(window.innerWidth - 48, 688);
  const layout = ref<PlaygroundLayout>(layoutFor(guess, full));
  let observer: ResizeObserver | undefined;
  const measure = () => {
    const width = root.value?.clientWidth;
    if (width) layout.value = layoutFor(width, full);
  };
  onMounted(() => {
    measure();
    if (typeof ResizeObserver !== "undefined" && root.value) {
      observer = new ResizeObserver(measure);
      observer.observe(root.value);
    }
  });
  onBeforeUnmount(() => observer?.disconnect());
  return layout;
}
