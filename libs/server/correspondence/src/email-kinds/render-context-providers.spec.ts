import type { ScheduledEmailKind } from '@campaign-desk/contracts';
import { TrustedLink } from '../templates/template-renderer';
import type { CaseRenderContext } from './render-context';
import { RenderContextProviders, type EmailToRender } from './render-context-providers';

const caseContext: CaseRenderContext = {
  supporter: { name: 'Ann Example', firstName: 'Ann', postcode: 'WC1E 6BT' },
  case: { reference: 'CD-1' },
  mp: { name: 'Sam Member' },
  staff: { name: 'Jo' },
};
const link = new TrustedLink('https://desk.example.org/api/public/checkin/t');
const own = { checkin: () => ({ yesUrl: link, acknowledgementUrl: link, noUrl: link }) };
const email = <K extends ScheduledEmailKind>(kind: K): EmailToRender & { kind: K } => ({
  id: 'e1',
  kind,
  caseId: 'c1',
  mpContactId: null,
  context: { agreedActionId: 'a1' },
});
const now = new Date('2026-12-01T10:00:00Z');

describe('RenderContextProviders', () => {
  const asked: string[] = [];
  const providers = new RenderContextProviders();
  providers.register({
    part: 'contact',
    valueFor: async () => (asked.push('contact'), { date: '2 November 2026', channel: 'letter', daysAgo: 29 }),
  });
  providers.register({ part: 'actions', valueFor: async () => (asked.push('actions'), []) });
  beforeEach(() => (asked.length = 0));

  it('fills the parts the kind lists, and only those', async () => {
    const context = await providers.contextFor(email('supporter_checkin'), caseContext, own, now);
    expect(asked).toEqual(['contact']);
    expect(context).toMatchObject({ ...caseContext, contact: { daysAgo: 29 }, checkin: { yesUrl: link } });
    expect(await providers.contextFor(email('reply'), caseContext, own, now)).toEqual(caseContext);
    expect(asked).toEqual(['contact']);
  });

  it('leaves out a part its provider has nothing for (its placeholders render empty)', async () => {
    const thanks = await providers.contextFor(email('meeting_thank_you'), caseContext, own, now);
    expect(thanks).toEqual({ ...caseContext, actions: [] });
    const quiet = new RenderContextProviders();
    quiet.register({ part: 'contact', valueFor: async () => null });
    expect(await quiet.contextFor(email('mp_chase'), caseContext, own, now)).toEqual(caseContext);
  });

  it('refuses a second provider of a part, and names a part nothing provides', async () => {
    expect(() => providers.register({ part: 'contact', valueFor: async () => null })).toThrow(/already registered/);
    await expect(providers.contextFor(email('action_chase'), caseContext, own, now)).rejects.toThrow(
      'No render context provider fills "action"',
    );
  });
});
