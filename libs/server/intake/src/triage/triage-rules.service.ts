import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type SessionUser, type TriageRuleDto, type AuditAction, TOPICS, PRIORITIES } from '@campaign-desk/contracts';
import { type ListQuery, textFilter, enumFilter, flagFilter, uuidsFilter } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import type { TriageRuleEntity } from './triage-rule.entity';
import { TriageRulesRepository, type TriageRuleFilterField, type TriageRuleSortField } from './triage-rules.repository';
import { matchRules, type KeywordRule, type RuleMatch } from './rule-matcher';
import { UUID } from '@campaign-desk/server-core';

const CACHE_MS = 30_000;

export type TriageRuleInput = Pick<TriageRuleDto, 'keyword' | 'topic' | 'priority' | 'active'>;

function toDto(rule: TriageRuleEntity): TriageRuleDto {
  return {
    id: rule.id,
    keyword: rule.keyword,
    topic: rule.topic,
    priority: rule.priority,
    active: rule.active,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

/** Admin-editable keyword rules that suggest topics and urgency for new requests. */
@Injectable()
export class TriageRulesService {
  private cache: { at: number; rules: KeywordRule[] } | null = null;

  constructor(
    private readonly repo: TriageRulesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Active rules, cached for a few seconds (list pages evaluate them for every row). */
  async activeRules(): Promise<KeywordRule[]> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) {
      const rules = (await this.repo.findActive()).map(({ keyword, topic, priority }) => ({
        keyword,
        topic,
        priority,
      }));
      this.cache = { at: Date.now(), rules };
    }
    return this.cache.rules;
  }

  match(text: string, rules: KeywordRule[]): RuleMatch {
    return matchRules(text, rules);
  }

  async list(query: ListQuery<TriageRuleFilterField, TriageRuleSortField>): Promise<[TriageRuleDto[], number]> {
    const f = query.filter;
    const [rows, total] = await this.repo.list(query, {
      q: textFilter(f, 'q'),
      topics: enumFilter(f, 'topic', TOPICS),
      priorities: enumFilter(f, 'priority', PRIORITIES),
      active: flagFilter(f, 'active'),
      ids: uuidsFilter(f, 'id'),
    });
    return [rows.map(toDto), total];
  }

  async get(id: string): Promise<TriageRuleDto> {
    return toDto(await this.load(id));
  }

  async create(input: TriageRuleInput, actor: SessionUser): Promise<TriageRuleDto> {
    if (input.topic == null && input.priority == null) {
      throw new BadRequestException({
        message: 'A rule needs a topic or a priority',
        fields: { topic: 'set a topic or a priority', priority: 'set a topic or a priority' },
      });
    }
    await this.ensureUnique(input.keyword);
    const rule = await this.repo.create({
      keyword: input.keyword.trim(),
      topic: input.topic ?? null,
      priority: input.priority ?? null,
      active: input.active ?? true,
    });
    await this.changed(actor, 'triage_rule.created', rule.id);
    return toDto(rule);
  }

  async update(id: string, input: Partial<TriageRuleInput>, actor: SessionUser): Promise<TriageRuleDto> {
    const rule = await this.load(id);
    if (input.keyword !== undefined && input.keyword.trim().toLowerCase() !== rule.keyword.toLowerCase())
      await this.ensureUnique(input.keyword);
    const next = { ...rule, ...input, keyword: (input.keyword ?? rule.keyword).trim() };
    if (next.topic == null && next.priority == null) {
      throw new BadRequestException({
        message: 'A rule needs a topic or a priority',
        fields: { topic: 'set a topic or a priority', priority: 'set a topic or a priority' },
      });
    }
    await this.repo.update(id, {
      keyword: next.keyword,
      topic: next.topic ?? null,
      priority: next.priority ?? null,
      active: next.active,
    });
    await this.changed(actor, 'triage_rule.updated', id, { fields: Object.keys(input) });
    return this.get(id);
  }

  async remove(id: string, actor: SessionUser): Promise<TriageRuleDto> {
    const rule = await this.load(id);
    await this.repo.delete(id);
    await this.changed(actor, 'triage_rule.deleted', id, { keyword: rule.keyword });
    return toDto(rule);
  }

  private async ensureUnique(keyword: string): Promise<void> {
    if (await this.repo.findByKeyword(keyword.trim())) {
      throw new ConflictException({
        message: 'A rule for this keyword already exists',
        fields: { keyword: 'already has a rule' },
      });
    }
  }

  private async load(id: string): Promise<TriageRuleEntity> {
    const rule = UUID.test(id) ? await this.repo.findById(id) : null;
    if (!rule) throw new NotFoundException('Triage rule not found');
    return rule;
  }

  private async changed(
    actor: SessionUser,
    action: AuditAction,
    id: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    this.cache = null;
    await this.audit.record({ actorId: actor.id, action, entityType: 'triage_rule', entityId: id, details });
  }
}
