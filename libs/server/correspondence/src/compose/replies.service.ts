import { Injectable } from '@nestjs/common';
import type {
  ComposedEmailPreview,
  ComposeEmailInput,
  ComposePreviewInput,
  ScheduledEmailDto,
  StaffActor,
} from '@campaign-desk/contracts';
import { AuditService } from '@campaign-desk/server-audit';
import { ScheduledEmailsRepository } from '../outbox/scheduled-emails.repository';
import { toScheduledEmailDto } from '../outbox/scheduled-email.mapper';
import { ComposeService } from './compose.service';

/** `POST /api/cases/:id/reply`: a reply to the supporter, queued to send now and shown on the case. */
@Injectable()
export class RepliesService {
  constructor(
    private readonly compose: ComposeService,
    private readonly rows: ScheduledEmailsRepository,
    private readonly audit: AuditService,
  ) {}

  async reply(caseId: string, input: ComposeEmailInput, actor: StaffActor): Promise<ScheduledEmailDto> {
    const email = await this.compose.compose(caseId, 'reply', input, actor.user.id);
    const [row] = await this.rows.transaction(async (tx) => {
      const scheduled = await this.compose.schedule(tx, email, actor.user.id);
      await this.audit.record(
        {
          actorId: actor.user.id,
          ip: actor.ip,
          action: 'case.reply_queued',
          entityType: 'case',
          entityId: email.caseId,
          details: {
            scheduledEmailId: scheduled[0].id,
            templateKey: email.templateKey,
            threaded: email.inReplyTo !== null,
          },
        },
        tx,
      );
      return scheduled;
    });
    return toScheduledEmailDto((await this.rows.findById(row.id))!, true);
  }

  /** What `/reply` or `/mp-email` would queue for this case (same checks, same rendering); writes nothing. */
  /** The rendered email (it names the supporter and can quote their story): each preview is audited. */
  async preview(caseId: string, input: ComposePreviewInput, reader: StaffActor): Promise<ComposedEmailPreview> {
    const { kind, ...compose } = input;
    const email = await this.compose.compose(caseId, kind, compose, reader.user.id);
    await this.audit.recordRead(
      reader,
      { action: 'case.email_previewed', entityType: 'case', id: email.caseId, redacted: false },
      { kind, templateKey: email.templateKey },
    );
    return {
      subject: email.subject,
      body: email.body,
      templateKey: email.templateKey,
      templateVersion: email.templateVersion,
    };
  }
}
