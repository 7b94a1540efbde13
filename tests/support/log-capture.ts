/**
 * Issue 11, hole 9: no PIN in any log line. Captures what a process writes (console and its stdout/stderr) into a
 * file, and finds PINs in captured text — 14 digits shaped like a PIN (SPEC §8: sex digit, a real birth date), so
 * transaction ids and timestamps are not mistaken for one. Never prints a PIN it finds: only how many, and where.
 */
import fs from "node:fs";
import { format } from "node:util";
import { parsePin } from "../../lib/rules";
import { DEMO_PEOPLE } from "../../prisma/demo-data";

/** The demo people's PINs are fictional and published (the seed prints them for developers to try): not a leak. */
const PUBLISHED_DEMO_PINS = new Set<string>(DEMO_PEOPLE.map((p) => p.pin));

export function findPins(text: string): string[] {
  return [...text.matchAll(/(?<!\d)[12]\d{13}(?!\d)/g)]
    .map((m) => m[0])
    .filter((pin) => parsePin(pin).ok && !PUBLISHED_DEMO_PINS.has(pin));
}

/** Appends everything this process logs to `file`, while still writing it where it went before. */
export function captureProcessLogs(file: string): void {
  const append = (chunk: unknown) => {
    try {
      fs.appendFileSync(file, typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
    } catch {
      /* the capture never breaks the code under test */
    }
  };
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      append(chunk);
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      append(`${format(...args)}\n`);
      original(...args);
    };
  }
}
