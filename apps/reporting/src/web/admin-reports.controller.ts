import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { seesOthers } from '@ledger/access-policy';
import { IdentifiableViews } from '../access/identifiable-views';
import { DataCompleteThrough } from '../data-complete-through';
import { LearnerRecords } from '../learner-record/learner-records';
import { LearnersYouMaySee } from './learners-you-may-see';
import { Shell } from './shell';
import { WebErrorFilter } from './web-error.filter';

/**
 * "Admin → Reports" for admins, project staff, approved runners, tutors and body officers: the learners
 * they may see, and one learner's record. Both show identifiable data, so each is recorded first.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('admin')
export class AdminReportsController {
  constructor(
    private readonly shell: Shell,
    private readonly learners: LearnersYouMaySee,
    private readonly records: LearnerRecords,
    private readonly views: IdentifiableViews,
    private readonly completeThrough: DataCompleteThrough,
  ) {}

  @Get('reports')
  async reports(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.shell.viewer(request);
    this.shell.require(seesOthers(viewer.capabilities));
    const visible = await this.learners.list(viewer.facts, viewer.capabilities);
    const roles = [...new Set(visible.flatMap((learner) => learner.sight.roles))];
    const watermark = await this.completeThrough.read();
    await this.views.record({ viewerId: viewer.person.userId, roles, reportName: 'learners-you-may-see', parameters: {}, subjectIds: visible.map((l) => l.learnerId), watermark });
    await this.shell.render(reply, viewer, 'admin-reports.njk', { learners: visible, dataCompleteThrough: watermark });
  }

  @Get('learners/:learnerId')
  async learner(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('learnerId') learnerId: string): Promise<void> {
    const viewer = await this.shell.viewer(request);
    const record = await this.records.show(viewer.facts, learnerId, 'learner-record');
    await this.shell.render(reply, viewer, 'learner-record.njk', { record, name: await this.records.nameOf(learnerId) });
  }
}
