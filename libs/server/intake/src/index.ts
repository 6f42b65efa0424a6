export * from './intake.module';
export { IntakeService } from './inbound/intake.service';
export { MessagesService, type OutboundMessageInput } from './messages/messages.service';
export { CaseReferenceResolver, type CaseClaim } from './parsing/case-reference-resolver';
export { MessageParserService, type ParseResult } from './parsing/message-parser.service';
export { IntakeReconcilerService } from './parsing/intake-reconciler.service';
export { ImapPollerService, IMAP_POLL_LOCK, type PollResult } from './imap/imap-poller.service';
export { analyseMessage, type AnalysedMessage, type AnalysisOutcome } from './mime/analyse-message';
