// `tsx scripts/bench/profile-top.ts FILE.cpuprofile [N]`: where a `node --cpu-prof` profile spent its time, by
// function (self time) and by file (self time), so that a change to the hot path is chosen from measurements.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const [file, top = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts FILE.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const sum = (key: (n: Node) => string) => {
  const m = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id) as Node;
    m.set(key(n), (m.get(key(n)) ?? 0) + us);
  }
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
};
const short = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|server|src|scripts)\//, '$1/') || '(native)';
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
process.stdout.write(`${(total / 1e6).toFixed(1)} s sampled\nby function:\n`);
for (const [k, us] of sum(
  (n) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
))
  process.stdout.write(`${pct(us)}  ${k}\n`);
// Inclusive time: each sample counts once for every function on its stack.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const names = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at) as Node;
    names.add(`${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}`);
  }
  for (const k of names) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
}
process.stdout.write('by function, with what it calls:\n');
for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(top) * 2))
  process.stdout.write(`${pct(us)}  ${k}\n`);
process.stdout.write('by file:\n');
for (const [k, us] of sum((n) => short(n.callFrame.url).replace(/:\d+$/, ''))) process.stdout.write(`${pct(us)}  ${k}\n`);
