import { CHASE_KINDS, COMPOSE_KINDS, EMAIL_KINDS, SCHEDULED_EMAIL_KINDS } from '@campaign-desk/contracts';
import { kindTemplateDefinition, sampleScope, templateDefinition } from '../templates/template-catalogue';
import { CHECKIN_KINDS, EMAIL_KIND_DEFINITIONS } from './email-kind-definitions';
import { LETTER_TEMPLATE_PLACEHOLDERS } from './placeholders';
import type { PlaceholderDescriptions, RenderContextParts } from './render-context';
import { untilCheckinAnswered } from './stale-rules';

describe('the table of email kinds', () => {
  it.each(SCHEDULED_EMAIL_KINDS)('%s has a template definition, to the recipient of its kind', (kind) => {
    const definition = templateDefinition(kind);
    expect(definition).toMatchObject({ key: kind, recipientKind: EMAIL_KINDS[kind].recipient });
    expect(definition?.name).toBeTruthy();
    expect(definition?.placeholders.map((p) => p.name)).toEqual(
      expect.arrayContaining(['supporter.firstName', 'case.reference', 'mp.name', 'staff.name']),
    );
  });

  it('has a template definition for the letter too', () => {
    expect(templateDefinition('mp_letter')?.placeholders).toEqual(LETTER_TEMPLATE_PLACEHOLDERS);
  });

  it.each(SCHEDULED_EMAIL_KINDS)('%s: every placeholder of its template has a sample value for previews', (kind) => {
    const sample: unknown = sampleScope('https://desk.example.org');
    const valueAt = (name: string) =>
      name.split('.').reduce<unknown>((value, part) => {
        const item = Array.isArray(value) ? value[0] : value;
        return item && typeof item === 'object' ? (item as Record<string, unknown>)[part] : undefined;
      }, sample);
    const missing = kindTemplateDefinition(kind).placeholders.filter((p) => valueAt(p.name) == null);
    expect(missing.map((p) => p.name)).toEqual([]);
  });

  it('a check-in (carrying the one-click links) goes stale once answered', () => {
    expect(CHECKIN_KINDS).toEqual(['supporter_checkin', 'checkin_reminder']);
    for (const kind of CHECKIN_KINDS) expect(EMAIL_KIND_DEFINITIONS[kind].staleWhen).toContain(untilCheckinAnswered);
    expect(CHECKIN_KINDS.every((kind) => EMAIL_KINDS[kind].chasePlan)).toBe(true);
  });

  it('derives the chase plan and what staff compose', () => {
    expect(CHASE_KINDS).toEqual(['supporter_checkin', 'checkin_reminder', 'mp_chase']);
    expect(COMPOSE_KINDS).toEqual(['reply', 'mp_email']);
  });

  it('checks placeholder descriptions against the render context at compile time', () => {
    type Contact = PlaceholderDescriptions<Pick<RenderContextParts, 'contact'>>;
    const described: Contact = { 'contact.date': '', 'contact.channel': '', 'contact.daysAgo': '' };
    // @ts-expect-error a placeholder the context lacks
    const extra: Contact = { ...described, 'contact.mood': '' };
    // @ts-expect-error a placeholder of the context left undescribed
    const missing: Contact = { 'contact.date': '', 'contact.channel': '' };
    const actions: PlaceholderDescriptions<Pick<RenderContextParts, 'actions'>> = {
      actions: '',
      'actions.description': '',
      'actions.owner': '',
      'actions.dueDate': '',
    };
    expect([described, extra, missing, actions]).toHaveLength(4);
  });
});
