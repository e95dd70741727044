import { AsOfGenerationDocument, certificateAvailability, LearnerProgressDocument } from '@ledger/read-store';

/** The learner the command printed, and their progress at the cut (for their certificates then). */
export interface DirectedLearner {
  learnerId: string;
  progress: readonly LearnerProgressDocument[];
}

/**
 * How to open what `asOf` holds through reporting (pure): its key, then for each view the page and the
 * API path. Reporting reads the same kept generation by that key, so nothing is computed again; there
 * every view is recorded as the auditor's. The projector does not know reporting's report names, so the
 * report path names `<report>` and says where they are listed.
 */
export function asOfDirections(asOf: AsOfGenerationDocument, learner: DirectedLearner | null): string[] {
  const key = encodeURIComponent(asOf._id);
  const at = asOf.cut.asOf ?? 'the ledger position';
  const open = (what: string, path: string) => `  ${what}:\n    page /auditor/as-of/${key}/${path}\n    API  GET /v1/auditor/as-of/${key}/${path}`;
  const learnerPath = `learners/${learner ? encodeURIComponent(learner.learnerId) : '<learnerId>'}`;
  const lines = [
    `as-of key: ${asOf._id} (kept until ${asOf.expiresAt ?? 'dropped'})`,
    `open it in reporting as an auditor (the web shell's pages, or the API with an auditor's token); each view there is recorded:`,
    open(learner ? `${learner.learnerId}'s record as of ${at}` : `a learner's record as of ${at}`, learnerPath),
  ];
  if (learner) {
    const available = learner.progress.filter((p) => certificateAvailability(p, p.issuesCertificate) === 'available');
    for (const p of [...available].sort((a, b) => a._id.localeCompare(b._id))) {
      lines.push(open(`certificate as of ${at}, ${p.kind} ${p.containerId}`, `${learnerPath}/certificates/${p.kind}/${encodeURIComponent(p.containerId)}`));
    }
    if (available.length === 0) lines.push(`  (no certificate was available to ${learner.learnerId} at the cut)`);
  } else {
    lines.push(open(`a certificate as of ${at}`, `${learnerPath}/certificates/<course|learning-path|programme>/<containerId>`));
  }
  if (asOf.scope.kind === 'learner') {
    lines.push('  who could see the learner, and the reports, need the whole ledger as of the moment: run again with --whole (or without --learner)');
    return lines;
  }
  lines.push(open(`who could see ${learner?.learnerId ?? 'a learner'} at ${at}`, `${learnerPath}/viewers`));
  lines.push(open(`any report as of ${at} (the report's own filters; /csv and /pdf after it for those outputs)`, 'reports/<report>'));
  lines.push('    <report>: a report id as under /v1/reports/ (listed in reporting\'s API description at /docs)');
  return lines;
}
