import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LEARNER_SESSIONS_COLLECTION, LearnerSessionDocument, ReadStore } from '@ledger/read-store';
import { DataCompleteThrough } from '../data-complete-through';
import { LearnerActivityView, LearnerSessionView } from './learner-session.view';

/**
 * A learner's own activity. Who may call this for whom is decided by the access-control issue;
 * until then reporting must not be exposed beyond a trusted network.
 */
@ApiTags('reports')
@Controller('v1/learners/:learnerId/sessions')
export class LearnerActivityController {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    private readonly completeThrough: DataCompleteThrough,
  ) {}

  @Get()
  @ApiOperation({ summary: "A learner's record in every session they have touched, most recently accessed first" })
  @ApiOkResponse({ type: LearnerActivityView })
  async list(@Param('learnerId') learnerId: string): Promise<LearnerActivityView> {
    const docs = await (await this.store.readModel<LearnerSessionDocument>(LEARNER_SESSIONS_COLLECTION)).find({ learnerId }).toArray();
    const sessions = docs.map(LearnerSessionView.from).sort((a, b) => (b.lastAccessedAt ?? '').localeCompare(a.lastAccessedAt ?? ''));
    return { learnerId, dataCompleteThrough: await this.completeThrough.read(), sessions };
  }
}
