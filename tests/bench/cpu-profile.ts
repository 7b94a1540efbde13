/**
 * Where a server's CPU went (issue 17: "find where the time goes before changing anything"). Reads the V8
 * `.cpuprofile` that `node --cpu-prof` writes when the process exits (a benchmark's `--profile`), keeps the samples
 * of a time window (the measured load, not the start-up), maps the production build's chunks back to their sources
 * through the build's own source maps (node:module SourceMap) and sums the time by where it was spent: each file of
 * the project, each package, Node's own work (socket writes, the garbage collector, …).
 */
import fs from "node:fs";
import { SourceMap } from "node:module";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame };
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** The monotonic clock the profile's timestamps are on (µs): CLOCK_MONOTONIC, as V8's and libuv's are on Linux. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    let map: SourceMap | null = null;
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
    } catch {
      /* no map: the chunk stays a chunk */
    }
    maps.set(file, map);
  }
  return maps.get(file)!;
}

function packageOf(path: string): string {
  const rest = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length).split("/");
  return `npm ${rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]}`;
}

/** Where a frame's own time belongs: a project file, a package, a Node module, or Node's native work by name. */
function placeOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : `native ${functionName}`;
  if (url.startsWith("node:")) return url;
  const file = url.replace(/^file:\/\//, "");
  if (/\/\.next[^/]*\//.test(file)) {
    const entry = sourceMapOf(file)?.findEntry(frame.lineNumber, frame.columnNumber);
    const source = entry && "originalSource" in entry ? decodeURIComponent(entry.originalSource) : null;
    if (!source) return "the build (unmapped)";
    if (source.includes("node_modules/")) return packageOf(source);
    return source.replace(/^(\.\.\/)+/, "").replace(/^.*\[project\]\//, "");
  }
  if (file.includes("node_modules/")) return packageOf(file);
  return file;
}

/** The summary's lines: busy time in the window, then each place's share of it, largest first. */
export function summarizeCpuProfile(file: string, window?: { fromUs: number; toUs: number }, top = 18): string[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byPlace = new Map<string, number>();
  let at = profile.startTime;
  let idle = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    const place = placeOf(frames.get(id)!);
    if (place === "(idle)") {
      idle += delta;
      return;
    }
    busy += delta;
    byPlace.set(place, (byPlace.get(place) ?? 0) + delta);
  });
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const lines = [
    `CPU busy ${ms(busy)}, idle ${ms(idle)} (${((100 * busy) / Math.max(1, busy + idle)).toFixed(0)} % busy); busy time by where it was spent:`,
  ];
  for (const [place, us] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${((100 * us) / Math.max(1, busy)).toFixed(1).padStart(5)} %  ${ms(us).padStart(8)}  ${place}`);
  return lines;
}
