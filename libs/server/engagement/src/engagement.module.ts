import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@campaign-desk/server-audit';
import { CasesCoreModule } from '@campaign-desk/server-cases';
import { CorrespondenceCoreModule } from '@campaign-desk/server-correspondence';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { IntakeCoreModule } from '@campaign-desk/server-intake';
import { EngagementDataSubjectRepository } from './data-subject/engagement-data-subject.repository';
import { EngagementDataSubjectService } from './data-subject/engagement-data-subject.service';
import { LetterEntity } from './letters/letter.entity';
import { CaseLetterController } from './letters/letters.controller';
import { LettersRepository } from './letters/letters.repository';
import { LettersService } from './letters/letters.service';
import { AgreedActionEntity, MeetingEntity } from './meetings/meeting.entity';
import { MeetingFollowUps } from './meetings/meeting-follow-ups';
import { MeetingRenderContext } from './meetings/meeting-render-context';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsRepository } from './meetings/meetings.repository';
import { MeetingsService } from './meetings/meetings.service';
import { MpActionEntity } from './mp-actions/mp-action.entity';
import { MpActionsController } from './mp-actions/mp-actions.controller';
import { MpActionsRepository } from './mp-actions/mp-actions.repository';
import { MpActionsService } from './mp-actions/mp-actions.service';
import { ContactRenderContext } from './mp-contacts/contact-render-context';
import { MpContactEntity } from './mp-contacts/mp-contact.entity';
import { CaseEngagementController, MpContactsController } from './mp-contacts/mp-contacts.controller';
import { MpContactsRepository } from './mp-contacts/mp-contacts.repository';
import { MpContactsService } from './mp-contacts/mp-contacts.service';
import { MpContactParties } from './mp-contacts/mp-contact-parties';
import { CheckinAnswersSubscriber } from './mp-responses/checkin-answers.subscriber';
import { MpResponseEntity } from './mp-responses/mp-response.entity';
import { MpResponsesRepository } from './mp-responses/mp-responses.repository';
import { MpResponsesService } from './mp-responses/mp-responses.service';
import { ENGAGEMENT_RECORD_TIMELINE_SOURCES } from './timeline/engagement-records-timeline-sources';
import { ENGAGEMENT_TIMELINE_SOURCES } from './timeline/engagement-timeline-sources';

/**
 * MP engagement: contacts and responses (issue 6); meetings with their agreed actions, MP actions
 * and letters (issue 7), each in its own folder. Services, the check-in subscriber, the timeline
 * sources and the `contact.*` / `actions` / `action.*` placeholders: both processes import this
 * (the worker renders chases and thank-yous).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MpContactEntity,
      MpResponseEntity,
      MeetingEntity,
      AgreedActionEntity,
      MpActionEntity,
      LetterEntity,
    ]),
    AuditModule,
    CasesCoreModule,
    CorrespondenceCoreModule,
    DirectoryCoreModule,
    IntakeCoreModule,
  ],
  providers: [
    MpContactsRepository,
    MpContactsService,
    MpContactParties,
    MpResponsesRepository,
    MpResponsesService,
    CheckinAnswersSubscriber,
    ContactRenderContext,
    MeetingsRepository,
    MeetingsService,
    MeetingFollowUps,
    MeetingRenderContext,
    MpActionsRepository,
    MpActionsService,
    LettersRepository,
    LettersService,
    EngagementDataSubjectRepository,
    EngagementDataSubjectService,
    ...ENGAGEMENT_TIMELINE_SOURCES,
    ...ENGAGEMENT_RECORD_TIMELINE_SOURCES,
  ],
  exports: [
    MpContactsService,
    MpResponsesService,
    MeetingsService,
    MpActionsService,
    LettersService,
    EngagementDataSubjectService,
  ],
})
export class EngagementCoreModule {}

/** HTTP side: the case actions (contacts, responses, the letter) and the `mp-contacts`, `meetings` and `mp-actions` resources. */
@Module({
  imports: [EngagementCoreModule],
  controllers: [
    CaseEngagementController,
    CaseLetterController,
    MpContactsController,
    MeetingsController,
    MpActionsController,
  ],
  exports: [EngagementCoreModule],
})
export class EngagementModule {}
