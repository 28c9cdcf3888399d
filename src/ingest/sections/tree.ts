/** @module Turns line drafts into the final flat section list: exact offsets, nesting, levels, paths and ids. */
import type { Section } from '../../types.ts';
import type { Draft } from './draft.ts';
import { contentEnd, contentStart, isBlank, type Line } from './lines.ts';

interface Node {
  draft: Draft;
  start: number;
  end: number;
  order: number;
}

/**
 * Each draft's range runs from the first non-blank character of its first non-blank line to the last
 * non-blank character of its last non-blank line. Sorted by start (outer ranges first), each draft becomes
 * a child of the innermost earlier range that contains its start; its level and path follow from that
 * parent, so they always agree with the ranges.
 */
export function buildSections(lines: ReadonlyArray<Line>, drafts: ReadonlyArray<Draft>): Section[] {
  const nodes: Node[] = [];
  drafts.forEach((draft, order) => {
    let from = draft.from;
    let to = draft.to;
    while (from <= to && isBlank(lines[from])) from++;
    while (to >= from && isBlank(lines[to])) to--;
    const first = lines[from];
    const last = lines[to];
    if (from > to || !first || !last) return;
    nodes.push({ draft, start: contentStart(first), end: contentEnd(last), order });
  });
  nodes.sort((a, b) => a.start - b.start || b.end - a.end || (a.draft.level ?? Infinity) - (b.draft.level ?? Infinity) || a.order - b.order);

  const sections: Section[] = [];
  const stack: Section[] = [];
  for (const node of nodes) {
    while (stack.length > 0 && node.start >= (stack[stack.length - 1]?.end ?? 0)) stack.pop();
    const parent = stack[stack.length - 1];
    // A heuristic that misfires on an unseen document must not break nesting: clip to the parent.
    const end = parent ? Math.min(node.end, parent.end) : node.end;
    const section: Section = {
      id: `s${sections.length}`,
      title: node.draft.title,
      path: parent ? [...parent.path, node.draft.title] : [node.draft.title],
      level: parent ? parent.level + 1 : 1,
      start: node.start,
      end,
      kind: node.draft.kind,
      parentId: parent?.id ?? null,
    };
    sections.push(section);
    stack.push(section);
  }
  return sections;
}
