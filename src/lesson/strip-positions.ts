/**
 * A deep copy without unist `position` objects. mdast positions point into the
 * YAML file, which only `pshe check` needs; dropping them keeps Astro's data store
 * (and every page's data) about half the size.
 */
export function stripPositions<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => stripPositions(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'position' && inner && typeof inner === 'object' && 'start' in inner) continue;
    if (inner === undefined) continue;
    copy[key] = stripPositions(inner);
  }
  return copy as T;
}

/**
 * A lesson as the site needs it: no unist positions and no map of YAML
 * positions (both are for diagnostics, which are over by then).
 */
export function forSite<T extends { positions?: unknown }>(lesson: T): T {
  return { ...stripPositions(lesson), positions: {} };
}
