import type { Kafka } from 'kafkajs';
import { decodeLedgerEvent } from '@ledger/events';
import { offsetsAtTime, readTopicRecords, topicRanges } from '@ledger/kafka';
import type { LedgerCut } from '@ledger/read-store';
import { cutOffsetIn, TimedRecord } from './cut-offset';

/** How many times a window too narrow for the broker's clock is widened (tenfold each) before a partition is read whole. */
const WIDENINGS = 3;

/**
 * The ledger cut at instant `asOf`: per partition, the last offset whose event was recorded (`recordedAt`,
 * set by ingest as it appends) at or before it. The broker's record timestamps narrow the search to a
 * window of `marginMs` either side; the events in it decide, and the window's edges must prove the cut
 * (see cutOffsetIn), else it is widened, so a broker clock further off than the margin costs time, not truth.
 */
export async function findLedgerCut(kafka: Kafka, topic: string, asOf: Date, marginMs: number): Promise<LedgerCut> {
  const instant = asOf.toISOString();
  const ranges = new Map((await topicRanges(kafka, topic)).map((r) => [r.partition, { low: BigInt(r.low), high: BigInt(r.high) }]));
  const through: Record<string, string> = {};
  let open = [...ranges.keys()];
  for (let widening = 0, margin = marginMs; open.length > 0; widening += 1, margin *= 10) {
    const whole = widening > WIDENINGS;
    const [from, until] = whole
      ? [new Map(open.map((p) => [p, ranges.get(p)!.low])), new Map(open.map((p) => [p, ranges.get(p)!.high]))]
      : await Promise.all([offsetsAtTime(kafka, topic, asOf.getTime() - margin), offsetsAtTime(kafka, topic, asOf.getTime() + margin + 1)]).then(
          ([a, b]) => [new Map(open.map((p) => [p, BigInt(a.get(p) ?? '0')])), new Map(open.map((p) => [p, BigInt(b.get(p) ?? '0')]))],
        );
    const records = await readWindows(kafka, topic, open, ranges, from as Map<number, bigint>, until as Map<number, bigint>);
    open = open.filter((p) => {
      const range = ranges.get(p)!;
      const window = { from: (from as Map<number, bigint>).get(p)!, until: (until as Map<number, bigint>).get(p)!, ...range };
      const { offset, settled } = cutOffsetIn(window, records.get(p) ?? [], instant);
      if (!settled && !whole) return true;
      through[String(p)] = String(offset);
      return false;
    });
  }
  return { topic, asOf: instant, through };
}

/** Each open partition's records from one before its window to one after it (the edges prove the cut). */
async function readWindows(
  kafka: Kafka,
  topic: string,
  partitions: number[],
  ranges: Map<number, { low: bigint; high: bigint }>,
  from: Map<number, bigint>,
  until: Map<number, bigint>,
): Promise<Map<number, TimedRecord[]>> {
  const start = new Map<number, string>();
  const end = new Map<number, string>();
  for (const p of ranges.keys()) {
    const range = ranges.get(p)!;
    const open = partitions.includes(p);
    start.set(p, String(open ? max(range.low, from.get(p)! - 1n) : range.high));
    end.set(p, String(open ? min(range.high, until.get(p)! + 1n) : range.high));
  }
  const records = new Map<number, TimedRecord[]>();
  await readTopicRecords(
    kafka,
    topic,
    (batch, partition) => {
      const list = records.get(partition) ?? [];
      for (const record of batch) {
        const decoded = decodeLedgerEvent(record.value);
        list.push({ offset: BigInt(record.offset), recordedAt: decoded.ok ? decoded.value.recordedAt : null });
      }
      records.set(partition, list);
    },
    { from: start, until: end },
  );
  return records;
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * A cut given as ledger positions, `partition:offset` pairs ("0:41,1:17"): every partition of the topic
 * must be named (a partition left out is a mistake, not "nothing"), and no offset may lie beyond its end.
 */
export async function cutAtPositions(kafka: Kafka, topic: string, positions: string): Promise<LedgerCut> {
  const ranges = await topicRanges(kafka, topic);
  const given = new Map<number, bigint>();
  const problems: string[] = [];
  for (const pair of positions.split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = /^(\d+):(-1|\d+)$/.exec(pair);
    if (!match) problems.push(`"${pair}" is not partition:offset`);
    else given.set(Number(match[1]), BigInt(match[2]));
  }
  for (const r of ranges) {
    const offset = given.get(r.partition);
    if (offset === undefined) problems.push(`partition ${r.partition} is not named`);
    else if (offset >= BigInt(r.high)) problems.push(`partition ${r.partition} ends before offset ${offset} (its last is ${BigInt(r.high) - 1n})`);
  }
  for (const p of given.keys()) if (!ranges.some((r) => r.partition === p)) problems.push(`the ledger has no partition ${p}`);
  if (problems.length > 0) throw new Error(`bad ledger position: ${problems.join('; ')}`);
  return { topic, asOf: null, through: Object.fromEntries([...given].map(([p, o]) => [String(p), String(o)])) };
}
