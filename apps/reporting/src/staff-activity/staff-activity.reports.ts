import { Injectable } from '@nestjs/common';
import type { ReportContext, ReportRequester } from '../shared/reports/report-definition';
import type { ReportQuery } from '../shared/reports/report-query';
import type { LearnerScope } from './learner-candidates';
import { StaffActivityReport } from './staff-activity.report';

/**
 * "Organisation staff activity", for an organisation's approved report runners (and hub admins):
 * staff whose current workplace is the organisation and who accepted the terms, in the programmes the
 * organisation may see. A runner may ask only for organisations they are approved for (403 otherwise).
 */
@Injectable()
export class OrganisationStaffActivityReport extends StaffActivityReport {
  readonly id = 'organisation-staff-activity';
  readonly title = 'Organisation staff activity';
  readonly intro = "Your organisation's staff who accepted the terms, in the programmes the organisation may see.";

  mayRun(requester: ReportRequester): boolean {
    return requester.capabilities.hubAdmin || requester.capabilities.reportRunnerFor.length > 0;
  }

  protected readScope(query: ReportQuery, context: ReportContext): LearnerScope {
    const { reportRunnerFor, hubAdmin } = context.requester.capabilities;
    const odsCode = query.text('odsCode', 10)?.toUpperCase() ?? reportRunnerFor[0] ?? null;
    if (odsCode === null) {
      query.problem('odsCode', 'Enter the ODS code of the organisation');
      return { kind: 'organisation', odsCode: '' };
    }
    if (!/^[A-Z0-9]{3,10}$/.test(odsCode)) query.problem('odsCode', 'An ODS code is 3 to 10 letters and digits, for example RJ1');
    else if (!hubAdmin && !reportRunnerFor.includes(odsCode)) query.problem('odsCode', `You are not an approved report runner for ${odsCode}`, true);
    return { kind: 'organisation', odsCode };
  }

  protected describeScope(scope: LearnerScope): Array<[string, string]> {
    return [['Organisation (ODS code)', scope.kind === 'organisation' ? scope.odsCode : '']];
  }
}

const SCOPES = ['project', 'tutor', 'professional-body', 'all'] as const;
export const LEARNER_SCOPES = SCOPES;

/**
 * Project, admin and tutor views: the same records for project staff (learners enrolled on their
 * project, its programmes), tutors (learners who authorised them, the scope each chose),
 * professional body officers (members, the body's programmes) and hub admins (everyone).
 */
@Injectable()
export class LearnersActivityReport extends StaffActivityReport {
  readonly id = 'learners-activity';
  readonly title = 'Learners activity (project, admin and tutor views)';
  readonly intro = 'The learners you may see as project staff, tutor, professional body officer or hub admin, and their activity.';

  mayRun(requester: ReportRequester): boolean {
    const c = requester.capabilities;
    return c.hubAdmin || c.projectStaffOf.length > 0 || c.tutorOf.length > 0 || c.professionalBodyOfficerOf.length > 0;
  }

  protected readScope(query: ReportQuery, context: ReportContext): LearnerScope {
    const c = context.requester.capabilities;
    const fallback = c.hubAdmin ? 'all' : c.projectStaffOf.length > 0 ? 'project' : c.tutorOf.length > 0 ? 'tutor' : 'professional-body';
    const kind = query.oneOf('scope', SCOPES, fallback, 'The scope');
    const id = query.text('id');
    if (kind === 'all') {
      if (!c.hubAdmin) query.problem('scope', 'Only hub admins may report on every learner', true);
      return { kind };
    }
    if (kind === 'tutor') return { kind };
    const mine = kind === 'project' ? c.projectStaffOf : c.professionalBodyOfficerOf;
    const chosen = id ?? mine[0] ?? null;
    if (chosen === null) {
      query.problem('id', kind === 'project' ? 'Enter the project' : 'Enter the professional body');
      return kind === 'project' ? { kind, projectId: '' } : { kind, bodyId: '' };
    }
    if (!c.hubAdmin && !mine.includes(chosen)) query.problem('id', `You do not act for ${chosen}`, true);
    return kind === 'project' ? { kind, projectId: chosen } : { kind, bodyId: chosen };
  }

  protected describeScope(scope: LearnerScope): Array<[string, string]> {
    const id = scope.kind === 'project' ? scope.projectId : scope.kind === 'professional-body' ? scope.bodyId : '';
    return [['Scope', scope.kind === 'all' ? 'Every learner' : `${scope.kind}${id ? ` ${id}` : ''}`]];
  }
}
