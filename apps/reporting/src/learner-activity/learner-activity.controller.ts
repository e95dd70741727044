import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { BearerViewer, ViewerId } from '../access/bearer-viewer.guard';
import { LearnerAccess } from '../access/learner-access';
import { LearnerRecords } from '../learner-record/learner-records';
import { LearnerActivityView } from '../learner-record/learner-session.view';

/** A learner's activity, for whoever the access policy lets see it (each view by someone else is recorded first). */
@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(BearerViewer)
@ApiUnauthorizedResponse({ description: 'No access token for reporting, or one that is expired, forged or for another API' })
@ApiNotFoundResponse({ description: 'No learner record you may see: the same answer whether the learner does not exist or you may not see them' })
@ApiServiceUnavailableResponse({ description: 'The view could not be recorded in the ledger, so nothing is shown' })
@Controller('v1/learners/:learnerId/sessions')
export class LearnerActivityController {
  constructor(
    private readonly access: LearnerAccess,
    private readonly records: LearnerRecords,
  ) {}

  @Get()
  @ApiOperation({ summary: "A learner's record in every session they have touched (of the programmes you may see), most recently accessed first" })
  @ApiOkResponse({ type: LearnerActivityView })
  @ApiForbiddenResponse({ description: 'A client token: reports are for people' })
  async list(@ViewerId() viewerId: string, @Param('learnerId') learnerId: string): Promise<LearnerActivityView> {
    const record = await this.records.show(await this.access.viewer(viewerId), learnerId, 'learner-sessions');
    return { learnerId, dataCompleteThrough: record.dataCompleteThrough, sessions: record.sessions };
  }
}
