import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@campaign-desk/server-audit';
import { AuthCoreModule } from '@campaign-desk/server-auth';
import { CasesCoreModule } from '@campaign-desk/server-cases';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { IntakeCoreModule } from '@campaign-desk/server-intake';
import { CancellationSubscriber } from './cancellation/cancellation.subscriber';
import { CorrespondenceDataSubjectRepository } from './data-subject/correspondence-data-subject.repository';
import { CorrespondenceDataSubjectService } from './data-subject/correspondence-data-subject.service';
import { ChasePlanController, ChaseTasksController } from './chase-plan/chase-plan.controller';
import { ChasePlanRepository } from './chase-plan/chase-plan.repository';
import { ChasePlanService } from './chase-plan/chase-plan.service';
import { ChaseTaskEntity } from './chase-plan/chase-task.entity';
import { ChaseTasksService } from './chase-plan/chase-tasks.service';
import { CheckinAnswerEntity } from './checkin/checkin-answer.entity';
import { CheckinAnswersRepository } from './checkin/checkin-answers.repository';
import { CheckinController } from './checkin/checkin.controller';
import { CheckinLinks } from './checkin/checkin-links';
import { CheckinService } from './checkin/checkin.service';
import { CaseEmailController } from './compose/case-email.controller';
import { ComposeService } from './compose/compose.service';
import { EmailPreparer } from './compose/email-preparer.service';
import { RenderContextProviders } from './email-kinds/render-context-providers';
import { RepliesService } from './compose/replies.service';
import { MailTransport } from './mail/mail-transport';
import { EmailJobs } from './outbox/email-jobs';
import { EmailSender } from './outbox/email-sender.service';
import { EmailProcessor } from './outbox/email.processor';
import { OutboxReconciler } from './outbox/outbox-reconciler.service';
import { OutboxService } from './outbox/outbox.service';
import { ScheduledEmailEntity } from './outbox/scheduled-email.entity';
import { ScheduledEmailsController } from './outbox/scheduled-emails.controller';
import { ScheduledEmailsRepository } from './outbox/scheduled-emails.repository';
import { ScheduledEmailsService } from './outbox/scheduled-emails.service';
import { EmailTemplateEntity } from './templates/email-template.entity';
import { EmailTemplatesController } from './templates/email-templates.controller';
import { EmailTemplatesRepository } from './templates/email-templates.repository';
import { EmailTemplatesService } from './templates/email-templates.service';
import { CORRESPONDENCE_TIMELINE_SOURCES } from './timeline/correspondence-timeline-sources';

/**
 * Services every process needs (and other libs use: engagement schedules chase plans and emails
 * to the MP through OutboxService / ChasePlanService / ComposeService, and adds placeholder values
 * through RenderContextProviders), the cancellation subscribers and the case timeline sources.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([EmailTemplateEntity, ScheduledEmailEntity, ChaseTaskEntity, CheckinAnswerEntity]),
    AuditModule,
    AuthCoreModule,
    CasesCoreModule,
    DirectoryCoreModule,
    IntakeCoreModule,
  ],
  providers: [
    EmailTemplatesRepository,
    EmailTemplatesService,
    ScheduledEmailsRepository,
    EmailJobs,
    OutboxService,
    ScheduledEmailsService,
    RenderContextProviders,
    CheckinLinks,
    CheckinAnswersRepository,
    EmailPreparer,
    ChasePlanRepository,
    ChasePlanService,
    ChaseTasksService,
    ComposeService,
    RepliesService,
    CheckinService,
    CancellationSubscriber,
    CorrespondenceDataSubjectRepository,
    CorrespondenceDataSubjectService,
    ...CORRESPONDENCE_TIMELINE_SOURCES,
  ],
  exports: [
    OutboxService,
    CorrespondenceDataSubjectService,
    ChasePlanService,
    ComposeService,
    RenderContextProviders,
    ScheduledEmailsService,
    EmailTemplatesService,
    RepliesService,
    ChaseTasksService,
    CheckinService,
    // For the worker module of this lib (not exported from the lib's index).
    ScheduledEmailsRepository,
    EmailPreparer,
    EmailJobs,
  ],
})
export class CorrespondenceCoreModule {}

/** HTTP side: templates, scheduled emails, replies from the case, the chase plan and tasks, the public check-in page. */
@Module({
  imports: [CorrespondenceCoreModule],
  controllers: [
    EmailTemplatesController,
    ScheduledEmailsController,
    CaseEmailController,
    ChasePlanController,
    ChaseTasksController,
    CheckinController,
  ],
  exports: [CorrespondenceCoreModule],
})
export class CorrespondenceModule {}

/** Worker side: the SMTP transport, the sender and the reconciler. */
@Module({
  imports: [CorrespondenceCoreModule, CasesCoreModule, IntakeCoreModule],
  providers: [MailTransport, EmailSender, OutboxReconciler, EmailProcessor],
  exports: [CorrespondenceCoreModule, OutboxReconciler],
})
export class CorrespondenceWorkerModule {}
