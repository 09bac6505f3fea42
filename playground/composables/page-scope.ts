/**
 * The page a playground or a comparison view is on, as a stable name ("/sessions/lazy": no ".html",
 * no trailing slash; "page" outside a browser). Their IndexedDB databases are named after it, so two
 * pages never share, or clear, each other's sessions.
 */
export function pageScope(): string {
  if (typeof location === "undefined") return "page";
  return location.pathname.replace(/\.html$/, "").replace(/\/+$/, "") || "/";
}
