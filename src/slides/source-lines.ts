import type { Node } from 'unist';
import type { Lesson } from '../lesson/types.ts';

export interface At {
  line: number;
  column: number;
}

/** Where a node starts in the YAML file (the loader already mapped markdown positions there). */
export function atNode(node: Node | undefined): At | undefined {
  const start = node?.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

/** Where a value of the lesson starts in its YAML file, by path (`cycles.0.slides.1`), as the loader recorded it. */
export function positionOf(lesson: Lesson, path: string): At | undefined {
  return lesson.positions?.[path];
}
