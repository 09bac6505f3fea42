/**
 * Brings a view's results on screen when a run starts: the reader pressed Run (or opened the card),
 * and the lanes and totals are what they came to see. The results' top goes just under whatever the
 * site pins over the page, so the rows below have the whole screen to fill in as the run plays
 * (a first lane that fits while empty may not fit once filled). Nothing moves when they are already there.
 */

/** Whether `element`'s top already sits just under the pinned nav. */
function alreadyInPlace(element: Element): boolean {
  const top = element.getBoundingClientRect().top;
  // The element's scroll-margin-top is the height of whatever the site pins over the page's top.
  const covered = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
  return Math.abs(top - covered) <= 24;
}

/** Scrolls `element` to the top of the screen (under the site's nav), smoothly unless motion is reduced. */
export function revealResults(element: Element | undefined | null): void {
  if (!element || typeof window === "undefined" || alreadyInPlace(element)) return;
  const reduce = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block: "start", behavior: reduce ? "auto" : "smooth" });
}
