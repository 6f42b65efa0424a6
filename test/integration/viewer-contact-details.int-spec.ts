import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenApiDocument } from '../support/api-fuzz';
import { type SeededContactDetails, seedContactDetails, startParser } from '../support/contact-details';
import { importDirectory } from '../support/directory';
import { INBOUND_TOKEN } from '../support/intake';
import { prepareTestEnv, signedInAgent, startApi } from '../support/test-app';

type Agent = Awaited<ReturnType<typeof signedInAgent>>['agent'];

/** Path parameters other than ids, and the list whose rows give each `{id}` (by the path's first segment). */
const OTHER_PARAMS: Record<string, string> = { n: '0' };
/** Public (not staff) routes: a check-in link is its own authority. */
const SKIPPED = [/^\/api\/checkin\//];

/**
 * Viewers see no contact details anywhere (DESIGN §4, invariant 7; issue 12): a viewer walks every list
 * and detail the OpenAPI document offers, with every seeded record's id, and no answer carries the
 * supporter's name, email address, phone or postal address.
 */
describe('a viewer reads no supporter contact details from any endpoint', () => {
  let app: NestExpressApplication;
  let parser: INestApplicationContext;
  let admin: Agent;
  let viewer: Agent;
  let seeded: SeededContactDetails;
  let document: OpenApiDocument;

  beforeAll(async () => {
    await prepareTestEnv({ INBOUND_TOKEN });
    app = await startApi();
    parser = await startParser();
    await importDirectory(app);
    const caseworker = await signedInAgent(app, 'caseworker');
    seeded = await seedContactDetails(app, caseworker.agent, parser);
    ({ agent: admin } = await signedInAgent(app, 'admin'));
    ({ agent: viewer } = await signedInAgent(app, 'viewer'));
    document = (await admin.get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
  }, 120_000);
  afterAll(async () => {
    await parser?.close();
    await app?.close();
  });

  /** Every record id an admin can list, by the list's path (`/api/cases` → its ids; `/api/templates` → keys). */
  async function idsByList(lists: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const path of lists) {
      const res = await admin.get(path).query({ range: '[0,199]' });
      if (res.status !== 200 || !Array.isArray(res.body)) continue;
      out.set(
        path,
        (res.body as Record<string, unknown>[]).map((r) => String(r.id ?? r.key)).filter((v) => v !== 'undefined'),
      );
    }
    return out;
  }

  it('walks every list and detail a viewer may read', async () => {
    const gets = Object.entries(document.paths)
      .filter(([path, ops]) => ops.get && !SKIPPED.some((s) => s.test(path)))
      .map(([path]) => path);
    const lists = gets.filter((p) => !p.includes('{'));
    const ids = await idsByList(lists);
    const urls: string[] = [...lists];
    for (const path of gets.filter((p) => p.includes('{'))) {
      const list = `/api/${path.split('/')[2]}`;
      for (const id of ids.get(list) ?? []) {
        urls.push(
          path.replace(
            /\{(\w+)\}/g,
            (_, name: string) => OTHER_PARAMS[name] ?? (name === 'id' || name === 'key' ? id : 'x'),
          ),
        );
      }
    }

    const leaks: string[] = [];
    const read: string[] = [];
    for (const url of urls) {
      const res = await viewer.get(url);
      if (res.status === 200) read.push(url);
      const text = `${JSON.stringify(res.headers)}\n${res.text ?? ''}`;
      for (const marker of seeded.markers) {
        if (text.toLowerCase().includes(marker.toLowerCase())) leaks.push(`${url} (${res.status}) shows "${marker}"`);
      }
    }
    expect(leaks).toEqual([]);
    // The walk did read the records that used to carry contact details.
    const { found, supporter, messageIds } = seeded;
    for (const url of [
      '/api/supporters',
      `/api/supporters/${supporter.id}`,
      '/api/cases',
      `/api/cases/${found.id}`,
      `/api/cases/${found.id}/timeline`,
      '/api/messages',
      `/api/messages/${messageIds.inCase}`,
      `/api/messages/${messageIds.inTriage}`,
      '/api/meetings',
      '/api/mp-contacts',
      '/api/mp-actions',
      '/api/scheduled-emails',
    ]) {
      expect(read).toContain(url);
    }
  }, 120_000);

  it('cannot find a supporter by name: no supporter search, and case search by reference only', async () => {
    const refused = await viewer
      .get('/api/supporters')
      .query({ filter: JSON.stringify({ q: 'Marigold' }) })
      .expect(400);
    expect(Object.keys(refused.body.fields)).toEqual(['filter']);
    await viewer.get('/api/supporters').query({ sort: '["name","ASC"]' }).expect(400);
    const byName = await viewer
      .get('/api/cases')
      .query({ filter: JSON.stringify({ q: 'Quenby' }) })
      .expect(200);
    expect(byName.body).toEqual([]);
    const byReference = await viewer
      .get('/api/cases')
      .query({ filter: JSON.stringify({ q: seeded.found.reference }) })
      .expect(200);
    expect(byReference.body.map((c: { id: string }) => c.id)).toEqual([seeded.found.id]);
  });

  it('labels who wrote each message by role instead', async () => {
    const list = await viewer.get('/api/messages').query({ range: '[0,99]' }).expect(200);
    const byId = new Map((list.body as Record<string, unknown>[]).map((m) => [m.id, m]));
    expect(byId.get(seeded.messageIds.inCase)).toMatchObject({
      fromAddress: null,
      fromName: null,
      fromRole: 'supporter',
    });
    const detail = await viewer.get(`/api/messages/${seeded.messageIds.inTriage}`).expect(200);
    expect(detail.body).toMatchObject({
      fromAddress: null,
      fromRole: 'supporter',
      to: [{ name: null, address: null, role: 'charity' }],
      cc: [],
    });
    const sent = (list.body as { id: string; direction: string }[]).find((m) => m.direction === 'out');
    const reply = await viewer.get(`/api/messages/${sent?.id}`).expect(200);
    expect(reply.body).toMatchObject({ fromRole: 'charity', to: [{ name: null, address: null, role: 'supporter' }] });
    const staffView = await admin.get(`/api/messages/${seeded.messageIds.inCase}`).expect(200);
    expect(staffView.body.fromAddress).toBe(seeded.supporter.email);
  });
});
