export * from './correspondence.module';
export { OutboxService, type ScheduleRequest } from './outbox/outbox.service';
export { ChasePlanService, type PlanStart } from './chase-plan/chase-plan.service';
export { ComposeService, type ComposedEmail } from './compose/compose.service';
export {
  RenderContextProviders,
  type RenderContextProvider,
  type EmailToRender,
} from './email-kinds/render-context-providers';
export { OutboxReconciler, type ReconcileReport } from './outbox/outbox-reconciler.service';
export { ScheduledEmailsService } from './outbox/scheduled-emails.service';
export { toScheduledEmailDto } from './outbox/scheduled-email.mapper';
export { createPooledTransport } from './mail/mail-transport';
export { buildRawMessage } from './mail/outgoing-message';
export type { TemplateScope } from './templates/template-renderer';
export type {
  AgreedActionRenderContext,
  CaseRenderContext,
  LetterRenderContext,
  RenderContextParts,
} from './email-kinds/render-context';
export type { RenderContextByKind } from './email-kinds/email-kind-definitions';
export { EmailTemplatesService, renderEmail } from './templates/email-templates.service';
export { ComposeEmailDto } from './compose/dto/compose-email.dto';
export { CorrespondenceDataSubjectService } from './data-subject/correspondence-data-subject.service';
export { CASE_SEND_LOCK } from './outbox/send-session';
