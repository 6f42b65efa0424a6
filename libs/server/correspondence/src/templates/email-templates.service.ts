import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type {
  EmailTemplateDto,
  RenderedEmail,
  SessionUser,
  TemplatePreviewInput,
  UpdateTemplateInput,
} from '@campaign-desk/contracts';
import { AppConfig } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import type { EmailTemplateEntity } from './email-template.entity';
import { EmailTemplatesRepository } from './email-templates.repository';
import { sampleScope, templateDefinition, TEMPLATE_DEFINITIONS, type TemplateDefinition } from './template-catalogue';
import {
  htmlDocument,
  renderTemplate,
  TemplateSyntaxError,
  unknownPlaceholders,
  type TemplateScope,
} from './template-renderer';

/** A template text ready to render, with the version it came from. */
export interface TemplateText {
  key: string;
  version: number;
  subject: string;
  body: string;
}

/** Renders subject (one line), text body and its escaped HTML alternative. */
export function renderEmail(text: { subject: string; body: string }, scope: TemplateScope): RenderedEmail {
  return {
    subject: renderTemplate(text.subject, scope, 'header').trim(),
    text: renderTemplate(text.body, scope, 'text'),
    html: htmlDocument(renderTemplate(text.body, scope, 'html')),
  };
}

@Injectable()
export class EmailTemplatesService {
  constructor(
    private readonly config: AppConfig,
    private readonly templates: EmailTemplatesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<EmailTemplateDto[]> {
    const rows = new Map((await this.templates.currentAll()).map((r) => [r.key, r]));
    return TEMPLATE_DEFINITIONS.filter((d) => rows.has(d.key)).map((d) => toDto(d, rows.get(d.key)!));
  }

  async get(key: string): Promise<EmailTemplateDto> {
    const definition = this.definition(key);
    const row = await this.templates.current(key);
    if (!row) throw new NotFoundException('Template not found');
    return toDto(definition, row);
  }

  /** The current text of a template, for composing or sending. */
  async current(key: string): Promise<TemplateText> {
    this.definition(key);
    const row = await this.templates.current(key);
    if (!row) throw new NotFoundException('Template not found');
    return { key: row.key, version: row.version, subject: row.subject, body: row.body };
  }

  /** Every save is a new version; what was sent keeps pointing at the version it was rendered from. */
  async update(key: string, input: UpdateTemplateInput, actor: SessionUser): Promise<EmailTemplateDto> {
    const definition = this.definition(key);
    this.validate(definition, input);
    const current = await this.templates.current(key);
    if (current && current.subject === input.subject && current.body === input.body) return toDto(definition, current);
    const saved = await this.templates.transaction(async (tx) => {
      const row = await this.templates.addVersion(key, input.subject, input.body, actor.id, tx);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'template.updated',
          entityType: 'email_template',
          entityId: key,
          details: { version: row.version },
        },
        tx,
      );
      return row;
    });
    return toDto(definition, saved);
  }

  /** Renders the given text (or the current one) on sample data. */
  async preview(key: string, input: TemplatePreviewInput): Promise<RenderedEmail> {
    const definition = this.definition(key);
    const current = await this.current(key);
    const text = { subject: input.subject ?? current.subject, body: input.body ?? current.body };
    this.validate(definition, text);
    return renderEmail(text, sampleScope(this.config.PUBLIC_URL));
  }

  private definition(key: string): TemplateDefinition {
    const definition = templateDefinition(key);
    if (!definition) throw new NotFoundException('Template not found');
    return definition;
  }

  /** Malformed tags or placeholders the template cannot fill are a 400 naming the field. */
  private validate(definition: TemplateDefinition, text: { subject: string; body: string }): void {
    const allowed = new Set(definition.placeholders.map((p) => p.name));
    for (const field of ['subject', 'body'] as const) {
      let unknown: string[];
      try {
        unknown = unknownPlaceholders(text[field], allowed);
      } catch (error) {
        if (!(error instanceof TemplateSyntaxError)) throw error;
        throw new BadRequestException({ message: `${field}: ${error.message}`, fields: { [field]: error.message } });
      }
      if (unknown.length) {
        const detail = `unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')} (allowed: ${[...allowed].join(', ')})`;
        throw new BadRequestException({ message: `${field} has an ${detail}`, fields: { [field]: detail } });
      }
    }
  }
}

function toDto(definition: TemplateDefinition, row: EmailTemplateEntity): EmailTemplateDto {
  return {
    id: definition.key,
    key: definition.key,
    name: definition.name,
    description: definition.description,
    recipientKind: definition.recipientKind,
    subject: row.subject,
    body: row.body,
    version: row.version,
    placeholders: definition.placeholders,
    updatedAt: row.createdAt.toISOString(),
    updatedById: row.createdBy,
  };
}
