/**
 * Brings `element` into view with the least scrolling (`block: "nearest"`), smoothly unless the reader
 * asked the system for less motion.
 */
export function reveal(element: Element | undefined | null): void {
  if (!element || typeof window === "undefined") return;
  const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  element.scrollIntoView({ block: "nearest", inline: "nearest", behavior: reduced ? "auto" : "smooth" });
}
