/**
 * Brings a view's results on screen when a run starts: the reader pressed Run (or opened the card),
 * and the lanes and totals are what they came to see. Nothing moves when they are already there:
 * the results' top below whatever the site pins over the page, and the part marked
 * `data-reveal-until` (say, the first lane) wholly above the screen's bottom.
 */

/** Whether `element`'s top and its `data-reveal-until` part are both on screen. */
function alreadyInView(element: Element): boolean {
  const top = element.getBoundingClientRect().top;
  // The element's scroll-margin-top is the height of whatever the site pins over the page's top.
  const covered = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
  const until = element.querySelector("[data-reveal-until]") ?? element;
  return top >= covered - 1 && until.getBoundingClientRect().bottom <= innerHeight;
}

/** Scrolls `element` to the top of the screen (under the site's nav), smoothly unless motion is reduced. */
export function revealResults(element: Element | undefined | null): void {
  if (!element || typeof window === "undefined" || alreadyInView(element)) return;
  const reduce = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block: "start", behavior: reduce ? "auto" : "smooth" });
}
