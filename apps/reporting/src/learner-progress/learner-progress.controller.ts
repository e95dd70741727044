import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { BearerViewer, ViewerId } from '../access/bearer-viewer.guard';
import { LearnerAccess } from '../access/learner-access';
import { LearnerRecords } from '../learner-record/learner-records';

/**
 * A learner's progress through courses, learning paths and programmes, with each certificate's state
 * (available, unavailable = greyed, not offered), scoped by the access policy.
 */
@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(BearerViewer)
@ApiUnauthorizedResponse({ description: 'No access token for reporting, or one that is expired, forged or for another API' })
@ApiNotFoundResponse({ description: 'No learner record you may see: the same answer whether the learner does not exist or you may not see them' })
@ApiServiceUnavailableResponse({ description: 'The view could not be recorded in the ledger, so nothing is shown' })
@Controller('v1/learners/:learnerId/progress')
export class LearnerProgressController {
  constructor(
    private readonly access: LearnerAccess,
    private readonly records: LearnerRecords,
  ) {}

  @Get()
  @ApiOperation({ summary: "A learner's progress in every course, learning path and programme they have activity in (of those you may see)" })
  async list(@ViewerId() viewerId: string, @Param('learnerId') learnerId: string) {
    const record = await this.records.show(await this.access.viewer(viewerId), learnerId, 'learner-progress');
    return { learnerId, dataCompleteThrough: record.dataCompleteThrough, progress: record.progress };
  }
}
