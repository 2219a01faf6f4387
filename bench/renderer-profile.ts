/**
 * Chromium's CPU profile (CDP Profiler) of one benchmark stage, summed into self time per
 * function: where the renderer spends the stage, to decide what to change.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** The part of CDP's Profiler.Profile that is read here. */
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Prints the functions with the most self time in the profile (top 25), with their share. */
export function printProfile(stage: string, profile: Profile, top = 25): void {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)?.callFrame;
    const micros = profile.timeDeltas[index] ?? 0;
    total += micros;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + micros);
  });
  console.log(`CPU profile of the ${stage} stage: ${(total / 1000).toFixed(0)} ms sampled; most self time:`);
  for (const [key, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(micros / 1000).toFixed(1).padStart(8)} ms ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
}
