import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LearnerRecords } from '../learner-record/learner-records';
import { Shell } from './shell';
import { signedInPerson } from './web-session';
import { WebErrorFilter } from './web-error.filter';

/** The start page, and a learner's own activity (their certificates are the certificates slice's). */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller()
export class MyPagesController {
  constructor(
    private readonly shell: Shell,
    private readonly records: LearnerRecords,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!signedInPerson(request)) return this.shell.render(reply, null, 'home.njk', {});
    await this.shell.render(reply, await this.shell.viewer(request), 'home.njk', {});
  }

  @Get('my/activity')
  async activity(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await this.shell.viewer(request);
    const record = await this.records.show(viewer.facts, viewer.person.userId, 'learner-record');
    await this.shell.render(reply, viewer, 'my-activity.njk', { record });
  }
}
