/** Edit distance between two strings (Levenshtein), for "did you mean" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/**
 * The closest candidate to `value`, when it is close enough to be a likely
 * typo and no other candidate is as close: `key-stage-9` is as near to
 * `key-stage-1` as to `key-stage-3`, and naming one of them would mislead (the
 * message lists the allowed values instead).
 */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    const score = distance(lower, candidate.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
      tied = false;
    } else if (score === bestScore && candidate.toLowerCase() !== best?.toLowerCase()) tied = true;
  }
  const limit = Math.max(2, Math.floor(value.length / 3));
  return bestScore <= limit && !tied ? best : undefined;
}
