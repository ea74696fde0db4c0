/**
 * The order a library is read in, one home for the loader (`prepareLibrary`)
 * and the editor's checker, which places a lesson being edited among the
 * site's lessons without a file system: unit folders by name, then each
 * unit's files by name. Names compare by UTF-16 code units, as
 * `Array.prototype.sort` does with no compare function, so the order is the
 * same on every machine and locale.
 */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two lessons in library order: `file` is the path in the library, `unit-a/lesson.yaml`. */
export function libraryOrder(a: { unit: string; file: string }, b: { unit: string; file: string }): number {
  return byName(a.unit, b.unit) || byName(a.file.slice(a.unit.length + 1), b.file.slice(b.unit.length + 1));
}
