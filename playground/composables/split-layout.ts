import { nextTick, reactive, type Ref } from "vue";
import { loadPaneSizes, savePaneSizes, type PaneSizes } from "./pane-sizes";

/** What splitpanes reports on `resize`/`resized`: every pane of the split, in order. */
export interface SplitEvent {
  panes: { size: number }[];
}

/**
 * The pane sizes of one layout: restored from the reader's last visit, updated as they drag or arrow a
 * splitter, saved once a resize ends.
 */
export function usePaneSizes(layout: string, defaults: PaneSizes) {
  const sizes = reactive(loadPaneSizes(layout, defaults));
  return {
    sizes,
    /** For `@resize` (live, while dragging) and `@resized` (saved): `split` is the split's name in `defaults`. */
    update(split: string, event: SplitEvent, save: boolean): void {
      if (event.panes.length === sizes[split]?.length) sizes[split] = event.panes.map((p) => p.size);
      if (save) savePaneSizes(layout, { ...sizes });
    },
  };
}

/**
 * Names splitpanes' splitters and says where they stand. Splitpanes (4.1) makes them focusable
 * separators that arrow keys move, but leaves them unnamed and without a value; a screen reader then
 * hears "separator" and nothing else. `labels[i]` names the splitter after pane `i`; the value is the
 * share of the split before it, in percent.
 */
export function describeSplitters(root: Ref<{ $el?: Element } | Element | undefined>, labels: string[], sizes: number[]): void {
  void nextTick(() => {
    const target = root.value;
    const el = target instanceof Element ? target : target?.$el;
    if (!(el instanceof Element)) return;
    const splitters = [...el.children].filter((child) => child.classList.contains("splitpanes__splitter"));
    let before = 0;
    splitters.forEach((splitter, i) => {
      before += sizes[i] ?? 0;
      splitter.setAttribute("aria-label", labels[i] ?? "");
      splitter.setAttribute("aria-valuemin", "0");
      splitter.setAttribute("aria-valuemax", "100");
      splitter.setAttribute("aria-valuenow", String(Math.round(before)));
    });
  });
}
