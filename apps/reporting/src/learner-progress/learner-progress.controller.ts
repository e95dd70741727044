import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { certificateAvailability, LEARNER_PROGRESS_COLLECTION, LearnerProgressDocument, ReadStore } from '@ledger/read-store';
import { DataCompleteThrough } from '../data-complete-through';

/**
 * A learner's progress through courses, learning paths and programmes, with each certificate's state
 * (available, unavailable = greyed, not offered). Access control arrives with its own issue.
 */
@ApiTags('reports')
@Controller('v1/learners/:learnerId/progress')
export class LearnerProgressController {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    private readonly completeThrough: DataCompleteThrough,
  ) {}

  @Get()
  @ApiOperation({ summary: "A learner's progress in every course, learning path and programme they have activity in" })
  async list(@Param('learnerId') learnerId: string) {
    const docs = await (await this.store.readModel<LearnerProgressDocument>(LEARNER_PROGRESS_COLLECTION)).find({ learnerId }).toArray();
    const progress = docs
      .map((doc) => {
        const { _id, basis: _basis, projection: _projection, ...view } = doc;
        return { ...view, certificate: certificateAvailability(doc, doc.issuesCertificate) };
      })
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.containerId.localeCompare(b.containerId));
    return { learnerId, dataCompleteThrough: await this.completeThrough.read(), progress };
  }
}
