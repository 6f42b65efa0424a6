/**
 * The next candidate after `last` in `ordered` (wrapping around) that `canTake` accepts, or null.
 * When `last` is unknown (first run, or they left the team) the turn starts from the top.
 */
export function pickRoundRobin(
  ordered: string[],
  last: string | null,
  canTake: (id: string) => boolean,
): string | null {
  if (!ordered.length) return null;
  const start = last === null ? 0 : ordered.indexOf(last) + 1;
  for (let i = 0; i < ordered.length; i++) {
    const candidate = ordered[(start + i) % ordered.length];
    if (canTake(candidate)) return candidate;
  }
  return null;
}
