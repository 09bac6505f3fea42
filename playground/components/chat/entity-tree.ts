/**
 * Turns a message's text and entities into a tree of spans, so the chat can show formatting without
 * ever reading the bot's text as HTML. Offsets and lengths are UTF-16 code units, as in the Bot API
 * (and as JavaScript strings count), so a 🍕 before a bold word counts two.
 */
import type { MessageEntity } from "grammy/types";

/** A run of text, or an entity around its children. */
export type EntityNode = { text: string } | { entity: MessageEntity; children: EntityNode[] };

/**
 * Nests `entities` over `text`: an entity inside another becomes its child; one that crosses another's
 * end is cut in two there, as a browser must (`<b>a<i>b</b>c</i>` is `<b>a<i>b</i></b><i>c</i>`).
 * Entities outside the text or empty are ignored; the concatenated text of the tree is always `text`.
 */
export function entityTree(text: string, entities: readonly MessageEntity[] = []): EntityNode[] {
  const valid = entities
    .map((entity, index) => ({ entity, index, start: Math.max(0, entity.offset), end: Math.min(text.length, entity.offset + entity.length) }))
    .filter((e) => Number.isInteger(e.entity.offset) && Number.isInteger(e.entity.length) && e.start < e.end);
  // Outer before inner: earlier start first, then the longer one, then the order the bot gave.
  valid.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((e) => [e.start, e.end])])].sort((a, b) => a - b);
  const segments = cuts.slice(0, -1).map((start, i) => ({
    start,
    end: cuts[i + 1],
    active: valid.filter((e) => e.start <= start && cuts[i + 1] <= e.end),
  }));
  return nest(text, segments, 0);
}

type Segment = { start: number; end: number; active: { entity: MessageEntity }[] };

/** Groups consecutive segments under their outermost entity not yet opened (`depth` are open). */
function nest(text: string, segments: Segment[], depth: number): EntityNode[] {
  const nodes: EntityNode[] = [];
  let i = 0;
  while (i < segments.length) {
    const outer = segments[i].active[depth];
    if (!outer) {
      nodes.push({ text: text.slice(segments[i].start, segments[i].end) });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < segments.length && segments[j].active[depth] === outer) j++;
    nodes.push({ entity: outer.entity, children: nest(text, segments.slice(i, j), depth + 1) });
    i = j;
  }
  return mergeText(nodes);
}

function mergeText(nodes: EntityNode[]): EntityNode[] {
  const merged: EntityNode[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if ("text" in node && last && "text" in last) merged[merged.length - 1] = { text: last.text + node.text };
    else merged.push(node);
  }
  return merged;
}

/** The address a `url` or `text_link` entity may open in a new tab: only http and https ones. */
export function linkTarget(entity: MessageEntity, covered: string): string | undefined {
  const raw = entity.type === "text_link" ? entity.url : entity.type === "url" ? covered : undefined;
  if (raw === undefined) return undefined;
  // Telegram links "grammy.dev" as a url without a scheme; it opens as http.
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `http://${raw}`;
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The plain text under a node, for links whose address is their own text. */
export function textOf(nodes: readonly EntityNode[]): string {
  return nodes.map((node) => ("text" in node ? node.text : textOf(node.children))).join("");
}
