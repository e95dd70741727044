import { SingleBar } from 'cli-progress';

/** How often a progress line is written when the output is not a terminal. */
const NOT_A_TERMINAL_EVERY_MS = 30_000;

/**
 * A long command's progress bar (rebuild, verify, as of a moment, benchmarks). On a terminal it is
 * redrawn in place; when the output is a file or a pipe (a rebuild run in the background, in CI, in a
 * log) it is written as one line every 30 seconds, instead of not at all.
 */
export function commandProgressBar(format: string): SingleBar {
  return new SingleBar({ format, hideCursor: true, noTTYOutput: true, notTTYSchedule: NOT_A_TERMINAL_EVERY_MS });
}
