import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod, Type } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@campaign-desk/server-core';
import { AuditModule } from '@campaign-desk/server-audit';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { SupportersCoreModule } from '@campaign-desk/server-supporters';
import { MessageAttachmentEntity } from './messages/message-attachment.entity';
import { MessageEntity } from './messages/message.entity';
import { QuarantineEntity } from './quarantine/quarantine.entity';
import { RawMessageEntity } from './raw-messages/raw-message.entity';
import { IntakeDataSubjectRepository } from './data-subject/intake-data-subject.repository';
import { IntakeDataSubjectService } from './data-subject/intake-data-subject.service';
import { TriageRuleEntity } from './triage/triage-rule.entity';
import { ImapIdleWatcher } from './imap/imap-idle-watcher.service';
import { ImapPollerService } from './imap/imap-poller.service';
import { InboundBodyMiddleware, UploadBodyMiddleware } from './inbound/inbound-body.middleware';
import { InboundController, InboundTokenGuard } from './inbound/inbound.controller';
import { IntakeService } from './inbound/intake.service';
import { MessagesController, MAX_UPLOAD_FILES } from './messages/messages.controller';
import { MessagesService } from './messages/messages.service';
import { CorrespondentRoles } from './messages/correspondent-roles';
import { CaseReferenceResolver, MessageCaseReferenceResolver } from './parsing/case-reference-resolver';
import { IntakeProcessor } from './parsing/intake.processor';
import { IntakeReconcilerService } from './parsing/intake-reconciler.service';
import { MessageAnalyserService } from './parsing/message-analyser.service';
import { MessageParserService } from './parsing/message-parser.service';
import { ThreadingService } from './parsing/threading.service';
import { QuarantineController } from './quarantine/quarantine.controller';
import { QuarantineService } from './quarantine/quarantine.service';
import { MessagesRepository } from './messages/messages.repository';
import { QuarantineRepository } from './quarantine/quarantine.repository';
import { RawMessagesRepository } from './raw-messages/raw-messages.repository';
import { TriageRulesRepository } from './triage/triage-rules.repository';
import { SuggestionsService } from './triage/suggestions.service';
import { TriageRulesController } from './triage/triage-rules.controller';
import { TriageRulesService } from './triage/triage-rules.service';

const ENTITIES = TypeOrmModule.forFeature([
  RawMessageEntity,
  MessageEntity,
  MessageAttachmentEntity,
  QuarantineEntity,
  TriageRuleEntity,
]);
/**
 * What every process needs: storing raw messages, the messages themselves and triage rules.
 * Other libs (cases, correspondence, engagement) import this, so each process holds one instance
 * of each service.
 */
@Module({
  imports: [ENTITIES, AuditModule, DirectoryCoreModule, SupportersCoreModule],
  providers: [
    RawMessagesRepository,
    MessagesRepository,
    IntakeService,
    CorrespondentRoles,
    MessagesService,
    TriageRulesRepository,
    TriageRulesService,
    IntakeDataSubjectRepository,
    IntakeDataSubjectService,
  ],
  exports: [
    ENTITIES,
    RawMessagesRepository,
    MessagesRepository,
    IntakeService,
    MessagesService,
    TriageRulesService,
    IntakeDataSubjectService,
  ],
})
export class IntakeCoreModule {}

/**
 * HTTP side: the inbound webhook, .eml upload, the messages resource with the triage actions and
 * suggestions, triage rules and the quarantine list.
 */
@Module({
  imports: [
    IntakeCoreModule,
    AuditModule,
    DirectoryCoreModule,
    SupportersCoreModule,
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.INTAKE_MAX_MESSAGE_BYTES, files: MAX_UPLOAD_FILES },
      }),
    }),
  ],
  controllers: [InboundController, MessagesController, TriageRulesController, QuarantineController],
  providers: [InboundTokenGuard, SuggestionsService, QuarantineRepository, QuarantineService],
  exports: [IntakeCoreModule],
})
export class IntakeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(InboundBodyMiddleware).forRoutes({ path: 'inbound/email', method: RequestMethod.POST });
    consumer.apply(UploadBodyMiddleware).forRoutes({ path: 'messages/upload', method: RequestMethod.POST });
  }
}

/** Worker side: parsing in threads, threading, the reconciler and the IMAP poller. */
@Module({
  imports: [IntakeCoreModule],
  providers: [
    MessageAnalyserService,
    ThreadingService,
    { provide: CaseReferenceResolver, useClass: MessageCaseReferenceResolver },
    MessageParserService,
    IntakeReconcilerService,
    ImapPollerService,
    ImapIdleWatcher,
    IntakeProcessor,
  ],
  exports: [IntakeCoreModule],
})
export class IntakeWorkerModule {
  /** This module with another lib's `[CD-n]` resolver (the cases lib's, by case number) in place of the interim one. */
  static withCaseReferences(resolverModule: Type<unknown>, resolver: Type<CaseReferenceResolver>): DynamicModule {
    return {
      module: IntakeWorkerModule,
      imports: [resolverModule],
      providers: [{ provide: CaseReferenceResolver, useExisting: resolver }],
    };
  }
}
