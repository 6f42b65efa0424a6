import { SCHEDULED_EMAIL_KINDS } from '@campaign-desk/contracts';
import {
  TEMPLATE_DEFINITIONS,
  templateDefinition,
} from '../../libs/server/correspondence/src/templates/template-catalogue';
import { unknownPlaceholders } from '../../libs/server/correspondence/src/templates/template-renderer';
import { createTestDatabase, withDb } from '../support/test-database';

/** Every email kind can be sent: the migrations seed its template, and the template only asks for what its kind's render context has. */
describe('email kinds: the seeded templates', () => {
  let seeded: Map<string, { subject: string; body: string }>;

  beforeAll(async () => {
    const url = await createTestDatabase();
    const rows = await withDb(url, async (client) => {
      const result = await client.query<{ key: string; subject: string; body: string }>(
        `SELECT DISTINCT ON (key) key, subject, body FROM email_templates ORDER BY key, version DESC`,
      );
      return result.rows;
    });
    seeded = new Map(rows.map((r) => [r.key, r]));
  });

  it.each(SCHEDULED_EMAIL_KINDS)('%s has a seeded template', (kind) => {
    expect(seeded.get(kind)?.body).toBeTruthy();
  });

  it('seeds a template for every definition and none without one', () => {
    expect([...seeded.keys()].sort()).toEqual(TEMPLATE_DEFINITIONS.map((d) => d.key).sort());
  });

  it.each(TEMPLATE_DEFINITIONS.map((d) => d.key))('%s uses only placeholders of its render context', (key) => {
    const template = seeded.get(key) ?? { subject: '', body: '' };
    const allowed = new Set((templateDefinition(key)?.placeholders ?? []).map((p) => p.name));
    expect([template.subject, template.body].flatMap((text) => unknownPlaceholders(text, allowed))).toEqual([]);
  });
});
