import { seesProgramme, Sight } from '@ledger/access-policy';
import { LEARNER_SESSIONS_COLLECTION, LearnerSessionDocument } from '@ledger/read-store';
import type { ReportContext } from './report-definition';
import type { ReportQuery } from './report-query';
import { RowFilter, rowPasses, SessionRow, sessionRow } from './session-rows';

/**
 * One learner's session rows (one equality read, `find({ learnerId })`), placed in the catalogue,
 * limited to the programmes `sight` allows and to `filter`.
 */
export async function learnerSessionRows(context: ReportContext, learnerId: string, sight: Sight, filter: RowFilter): Promise<SessionRow[]> {
  const docs = await (await context.source.readModel<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION)).find({ learnerId }).toArray();
  const places = await context.catalogue.placesOf(docs.map((d) => d.sessionId));
  return docs.map((doc) => sessionRow(doc, places.get(doc.sessionId)!)).filter((row) => seesProgramme(sight, row.programmeId) && rowPasses(row, filter));
}

/** Checks that named programmes and courses exist in the catalogue (each an `_id` read), naming each unknown one. */
export async function checkCatalogueIds(context: ReportContext, query: ReportQuery, programmeIds: string[], courseIds: string[]): Promise<void> {
  const unknownProgrammes: string[] = [];
  for (const id of programmeIds) if (!(await context.catalogue.entry('programme', id))) unknownProgrammes.push(id);
  if (unknownProgrammes.length > 0) query.problem('programme', `There is no programme ${unknownProgrammes.join(', ')}`);
  const unknownCourses: string[] = [];
  for (const id of courseIds) if (!(await context.catalogue.entry('course', id)) && !(await context.catalogue.entry('learning-path', id))) unknownCourses.push(id);
  if (unknownCourses.length > 0) query.problem('course', `There is no course or learning path ${unknownCourses.join(', ')}`);
}
