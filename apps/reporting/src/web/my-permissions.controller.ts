import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessFactsReader } from '@ledger/access-policy';
import {
  COVERED_REPORT_RUNS_COLLECTION,
  CoveredReportRunDocument,
  grantsIdOfLearner,
  LEARNER_PROFILES_COLLECTION,
  LearnerProfileDocument,
  ReadStore,
  RECORD_VIEWS_COLLECTION,
  RecordViewDocument,
  standingGrants,
} from '@ledger/read-store';
import { IngestClient } from '../access/ingest-client';
import { FormError, Shell, ShellViewer } from './shell';
import { WebErrorFilter } from './web-error.filter';
import { actErrors, readTutorForm } from './forms';
import { coveragesOf, membershipsOf, runsCovering } from './covered-runs';

/** "My permissions": authorise or revoke a tutor, and see who viewed my record (the hub does not offer this; we do). */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('my/permissions')
export class MyPermissionsController {
  constructor(
    private readonly shell: Shell,
    private readonly facts: AccessFactsReader,
    private readonly store: ReadStore,
    private readonly ingest: IngestClient,
  ) {}

  @Get()
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.shell.viewer(request);
    await this.show(reply, viewer, { done: (request.query as { done?: string }).done ?? null });
  }

  @Post('tutors')
  async authorise(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: Record<string, unknown>): Promise<void> {
    const viewer = await this.shell.viewer(request);
    const form = readTutorForm(body, viewer.person.userId);
    if (form.errors.length > 0) return this.show(reply, viewer, { errors: form.errors, values: body }, 400);
    const answer = await this.ingest.recordAct(viewer.person.accessToken, { type: 'ViewerAuthorised', version: 1, subject: viewer.person.userId, data: form.act });
    if (answer.status !== 202) return this.show(reply, viewer, { errors: actErrors(answer, 'viewerId'), values: body }, answer.status >= 500 ? 503 : 400);
    await reply.redirect('/my/permissions?done=authorised', 303);
  }

  @Post('tutors/revoke')
  async revoke(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: Record<string, unknown>): Promise<void> {
    const viewer = await this.shell.viewer(request);
    const viewerId = typeof body.viewerId === 'string' ? body.viewerId.trim() : '';
    if (!viewerId) return this.show(reply, viewer, { errors: [{ field: 'viewerId', text: 'Choose the tutor to revoke' }] }, 400);
    const answer = await this.ingest.recordAct(viewer.person.accessToken, { type: 'ViewerAuthorisationRevoked', version: 1, subject: viewer.person.userId, data: { viewerId } });
    if (answer.status !== 202) return this.show(reply, viewer, { errors: actErrors(answer, 'viewerId') }, answer.status >= 500 ? 503 : 400);
    await reply.redirect('/my/permissions?done=revoked', 303);
  }

  private async show(reply: FastifyReply, viewer: ShellViewer, extra: { errors?: FormError[]; values?: object; done?: string | null }, status = 200): Promise<void> {
    const me = viewer.person.userId;
    const grants = await this.facts.grant(grantsIdOfLearner(me), 'learner');
    const views = await (await this.store.readModel<RecordViewDocument>(RECORD_VIEWS_COLLECTION)).find({ learnerId: me }).toArray();
    const coveredViews = await this.coveredViews(me, grants);
    await this.shell.render(
      reply,
      viewer,
      'my-permissions.njk',
      {
        tutors: standingGrants(grants?.authorisedViewers ?? []),
        views: [...views, ...coveredViews].sort((a, b) => b.viewedAt.localeCompare(a.viewedAt)),
        errors: extra.errors ?? [],
        values: extra.values ?? {},
        done: extra.done ?? null,
      },
      status,
    );
  }

  /**
   * Runs too large to list their learners, recorded by what they covered: those that covered this
   * learner when they ran (every learner; an organisation they worked at; a project; a body).
   */
  private async coveredViews(learnerId: string, grants: Awaited<ReturnType<AccessFactsReader['grant']>>) {
    const profile = await (await this.store.readModel<LearnerProfileDocument>(LEARNER_PROFILES_COLLECTION)).findOne({ _id: learnerId });
    const memberships = membershipsOf(profile, grants?.kind === 'learner' ? grants : null);
    const runs = await this.store.readModel<CoveredReportRunDocument>(COVERED_REPORT_RUNS_COLLECTION);
    const found = (await Promise.all(coveragesOf(memberships).map((coverage) => runs.find({ coverage }).toArray()))).flat();
    return runsCovering(memberships, found).map((run) => ({ ...run, reportName: `${run.reportName} (a report over ${run.coverage} that included you; ${run.subjectCount} learners)` }));
  }
}
