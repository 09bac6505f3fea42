import { inject, provide, type InjectionKey } from "vue";

/** The heading tag of a panel title: `h2` right under the page's h1 (full page), `h3` inside a guide page. */
export type PanelHeadingTag = "h2" | "h3";

const KEY: InjectionKey<PanelHeadingTag> = Symbol("session-lab-panel-heading");

/** Sets the level of the panel titles below the caller, so the outline never jumps from h1 to h3. */
export function providePanelHeading(tag: PanelHeadingTag): void {
  provide(KEY, tag);
}

/** The tag a panel uses for its title (`<component :is="tag">`); `h3` when nobody said. */
export function usePanelHeading(): PanelHeadingTag {
  return inject(KEY, "h3");
}

/** The tag of a heading inside a panel: one level under the panel's title. */
export function usePanelSubheading(): "h3" | "h4" {
  return usePanelHeading() === "h2" ? "h3" : "h4";
}
