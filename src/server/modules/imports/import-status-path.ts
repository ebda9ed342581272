/**
 * The steps a record imported "as it stands" takes to reach the status its row gives: a kind
 * whose status moves by steps (an exchange application) is brought there one step at a time
 * through its service, as if in the app, so that every step's own rules and dates apply.
 */

/** The shortest run of steps from `from` to `to` in `transitions` (empty when already there); null when `to` cannot be reached. */
export function stepsTo<S extends string>(transitions: Readonly<Record<S, readonly S[]>>, from: S, to: S): S[] | null {
  if (from === to) return [];
  const previous = new Map<S, S>([[from, from]]);
  const queue: S[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const next of transitions[at]) {
      if (previous.has(next)) continue;
      previous.set(next, at);
      if (next === to) {
        const path: S[] = [];
        for (let step: S = to; step !== from; step = previous.get(step)!) path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}
