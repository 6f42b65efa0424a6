import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@campaign-desk/server-audit';
import { CasesCoreModule } from '@campaign-desk/server-cases';
import { CorrespondenceCoreModule } from '@campaign-desk/server-correspondence';
import { IntakeCoreModule } from '@campaign-desk/server-intake';
import { ContactRenderContext } from './mp-contacts/contact-render-context';
import { MpContactEntity } from './mp-contacts/mp-contact.entity';
import { CaseEngagementController, MpContactsController } from './mp-contacts/mp-contacts.controller';
import { MpContactsRepository } from './mp-contacts/mp-contacts.repository';
import { MpContactsService } from './mp-contacts/mp-contacts.service';
import { CheckinAnswersSubscriber } from './mp-responses/checkin-answers.subscriber';
import { MpResponseEntity } from './mp-responses/mp-response.entity';
import { MpResponsesRepository } from './mp-responses/mp-responses.repository';
import { MpResponsesService } from './mp-responses/mp-responses.service';
import { ENGAGEMENT_TIMELINE_SOURCES } from './timeline/engagement-timeline-sources';

/**
 * MP engagement: contacts and responses (issue 6); meetings, agreed actions, MP actions and
 * letters join it later, each in its own folder. Services, the check-in subscriber, the timeline
 * sources and the `contact.*` placeholders: both processes import this (the worker renders chases).
 */
@Module({
  imports: [TypeOrmModule.forFeature([MpContactEntity, MpResponseEntity]), AuditModule, CasesCoreModule, CorrespondenceCoreModule, IntakeCoreModule],
  providers: [
    MpContactsRepository,
    MpContactsService,
    MpResponsesRepository,
    MpResponsesService,
    CheckinAnswersSubscriber,
    ContactRenderContext,
    ...ENGAGEMENT_TIMELINE_SOURCES,
  ],
  exports: [MpContactsService, MpResponsesService],
})
export class EngagementCoreModule {}

/** HTTP side: the case actions and the `mp-contacts` resource. */
@Module({
  imports: [EngagementCoreModule],
  controllers: [CaseEngagementController, MpContactsController],
  exports: [EngagementCoreModule],
})
export class EngagementModule {}
