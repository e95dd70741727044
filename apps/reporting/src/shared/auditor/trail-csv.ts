import { stringify } from 'csv-stringify/sync';
import type { ReportRunTrailEntry } from '@ledger/read-store';

/**
 * A value a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe: ids and parameters come from the ledger, and whoever recorded them is not the auditor
 * opening the file (OWASP, "CSV injection").
 */
export function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The runs of the trail as CSV (RFC 4180, a header row), one row per run part, parameters as name=value pairs. */
export function runsCsv(runs: readonly ReportRunTrailEntry[]): string {
  return stringify(
    runs.map((r) => ({
      occurredAt: r.occurredAt,
      recordedAt: r.recordedAt,
      viewer: r.viewerId,
      role: r.viewerRole,
      report: r.reportName,
      parameters: r.parameters.map((p) => `${p.name}=${p.value}`).join('; '),
      organisation: r.odsCode ?? '',
      subjects: r.subjectCount,
      part: `${r.part}/${r.parts}`,
      runId: r.runId ?? '',
      watermark: r.watermark ?? '',
      eventId: r._id,
      position: `${r.partition}:${r.offset}`,
    })),
    { header: true, cast: { string: inertCell } },
  );
}
