import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { PostcodeLookupResult } from '@campaign-desk/contracts';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, signedInAgent, startApi } from '../support/test-app';

describe('directory: postcode lookup, constituencies and MPs', () => {
  let app: NestExpressApplication;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>['agent'];
  let importSeconds = 0;

  beforeAll(async () => {
    await prepareTestEnv();
    app = await startApi();
    const started = Date.now();
    await importDirectory(app);
    importSeconds = (Date.now() - started) / 1000;
    ({ agent: viewer } = await signedInAgent(app, 'viewer'));
  }, 60_000);
  afterAll(() => app.close());

  const lookup = (postcode: string) => viewer.get('/api/directory/lookup').query({ postcode });

  it('imports the reference data in seconds', () => {
    expect(importSeconds).toBeLessThan(20);
  });

  it('resolves WC1E 6BT exactly to Holborn and St Pancras and its MP', async () => {
    const res = await lookup('wc1e6bt').expect(200);
    const body = res.body as PostcodeLookupResult;
    expect(body).toMatchObject({
      postcode: 'WC1E 6BT',
      method: 'exact',
      ambiguous: false,
      constituency: { id: 'E14001290', name: 'Holborn and St Pancras', nation: 'England', region: 'London' },
      mp: { id: expect.any(Number), name: expect.any(String), party: expect.any(String) },
    });
    expect(body.candidates).toEqual([{ constituency: body.constituency, mp: body.mp, share: 1 }]);
  });

  it('answers the district SW1A with candidates led by Cities of London and Westminster', async () => {
    const body = (await lookup('SW1A').expect(200)).body as PostcodeLookupResult;
    expect(body).toMatchObject({ postcode: 'SW1A', method: 'district', ambiguous: true });
    expect(body.candidates[0].constituency.name).toBe('Cities of London and Westminster');
    expect(body.constituency?.name).toBe('Cities of London and Westminster');
    expect(body.candidates.length).toBeGreaterThan(1);
    const shares = body.candidates.map((c) => c.share!);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });

  it('answers a sector', async () => {
    const body = (await lookup('SW1A 1').expect(200)).body as PostcodeLookupResult;
    expect(body).toMatchObject({ postcode: 'SW1A 1', method: 'sector' });
    expect(body.candidates[0].share).toBeGreaterThan(0);
  });

  it("does not trust the range lookup when its seat is not in the postcode's sector", async () => {
    // The range lookup answers for any string: for EH1 1AA its neighbouring range is an English seat.
    const body = (await lookup('EH1 1AA').expect(200)).body as PostcodeLookupResult;
    expect(body).toMatchObject({ method: 'sector', ambiguous: true });
    expect(body.candidates.every((c) => c.constituency.nation === 'Scotland')).toBe(true);
  });

  it('answers 400 naming postcode and saying it is the format', async () => {
    for (const bad of ['hello', 'SW1A 1AAA', 'QX1 1AA', '12345', 'SW1A-1AA']) {
      const res = await lookup(bad).expect(400);
      expect(res.body.fields).toEqual({ postcode: expect.stringContaining('not a valid UK postcode format') });
      expect(res.body.reason).toBe('format');
    }
  });

  it('answers 400 saying not found for a valid format the directory does not know', async () => {
    const res = await lookup('ZE9 9ZZ').expect(400);
    expect(res.body.fields.postcode).toMatch(/not found/);
    expect(res.body.fields.postcode).not.toMatch(/format is not|not a valid/);
    expect(res.body.reason).toBe('not_found');
  });

  it('answers 400 for a missing, repeated or unknown parameter', async () => {
    expect((await viewer.get('/api/directory/lookup').expect(400)).body.fields).toHaveProperty('postcode');
    await viewer.get('/api/directory/lookup?postcode=SW1A&postcode=WC1E').expect(400);
    expect((await viewer.get('/api/directory/lookup?postcode=SW1A&x=1').expect(400)).body.fields).toHaveProperty('x');
  });

  it('explains postcodes with no Westminster MP', async () => {
    const res = await lookup('JE2 3AB').expect(400);
    expect(res.body).toMatchObject({
      reason: 'outside_parliament',
      fields: { postcode: expect.stringMatching(/Jersey/) },
    });
  });

  it('answers 200 for Northern Ireland without an online lookup: not covered, 18 constituencies with MPs', async () => {
    const body = (await lookup('bt95ab').expect(200)).body as PostcodeLookupResult;
    expect(body).toMatchObject({ postcode: 'BT9 5AB', method: 'not_covered', constituency: null, mp: null });
    expect(body.message).toMatch(/not covered/);
    expect(body.candidates).toHaveLength(18);
    expect(
      body.candidates.every((c) => c.constituency.nation === 'Northern Ireland' && c.mp !== null && c.share === null),
    ).toBe(true);
  });

  it('needs a signed-in user', async () => {
    await request(app.getHttpServer()).get('/api/directory/lookup?postcode=SW1A').expect(401);
  });

  it('lists constituencies with filters, sort, search and Content-Range', async () => {
    const res = await viewer
      .get('/api/constituencies')
      .query({ filter: JSON.stringify({ nation: 'Wales' }), range: '[0,9]' })
      .expect(200);
    expect(res.headers['content-range']).toBe('constituencies 0-9/32');
    expect(res.body).toHaveLength(10);
    expect(res.body[0]).toMatchObject({
      id: expect.stringMatching(/^W07/),
      nation: 'Wales',
      mp: { name: expect.any(String) },
    });
    const names = res.body.map((c: { name: string }) => c.name.toLowerCase());
    expect([...names].sort()).toEqual(names);

    const q = await viewer
      .get('/api/constituencies')
      .query({ filter: JSON.stringify({ q: 'holborn' }) })
      .expect(200);
    expect(q.body.map((c: { id: string }) => c.id)).toEqual(['E14001290']);
    const many = await viewer
      .get('/api/constituencies')
      .query({ filter: JSON.stringify({ id: ['E14001290', 'N05000001'] }) })
      .expect(200);
    expect(many.body).toHaveLength(2);
    const region = await viewer
      .get('/api/constituencies')
      .query({ filter: JSON.stringify({ region: 'North East' }) })
      .expect(200);
    expect(region.headers['content-range']).toMatch(/\/27$/);
    const desc = await viewer.get('/api/constituencies').query({ sort: '["name","DESC"]', range: '[0,0]' }).expect(200);
    expect(desc.body[0].name).toBe('York Outer');
  });

  it("filters constituencies by the current MP's party", async () => {
    const res = await viewer
      .get('/api/constituencies')
      .query({ filter: JSON.stringify({ party: 'Plaid Cymru' }), range: '[0,99]' })
      .expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((c: { mp: { party: string } }) => c.mp.party === 'Plaid Cymru')).toBe(true);
  });

  it('answers 400 for an unknown filter or sort field and a malformed filter value', async () => {
    expect(
      (await viewer.get('/api/constituencies').query({ filter: '{"colour":"red"}' }).expect(400)).body.message,
    ).toMatch(/colour/);
    expect(
      (await viewer.get('/api/constituencies').query({ sort: '["population","ASC"]' }).expect(400)).body.fields,
    ).toHaveProperty('sort');
    expect(
      (await viewer.get('/api/mps').query({ filter: '{"nation":{"a":1}}' }).expect(400)).body.fields,
    ).toHaveProperty('filter');
    expect((await viewer.get('/api/mps').query({ sort: '["email","ASC"]' }).expect(400)).body.fields).toHaveProperty(
      'sort',
    );
    expect(
      (await viewer.get('/api/mps').query({ filter: '{"current":"maybe"}' }).expect(400)).body.fields.filter,
    ).toMatch(/current/);
  });

  it('gets a constituency with its seat history, and 404s unknown ones', async () => {
    const res = await viewer.get('/api/constituencies/E14001290').expect(200);
    expect(res.body).toMatchObject({
      id: 'E14001290',
      name: 'Holborn and St Pancras',
      tenures: [expect.objectContaining({ endDate: null })],
    });
    await viewer.get('/api/constituencies/E14999999').expect(404);
    await viewer.get('/api/constituencies/nope').expect(404);
  });

  it('lists MPs with current tenure, constituency and email, filtered by party and nation', async () => {
    const res = await viewer
      .get('/api/mps')
      .query({ filter: JSON.stringify({ nation: 'Scotland', party: 'Scottish National Party' }), range: '[0,99]' })
      .expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const mp of res.body) {
      expect(mp).toMatchObject({
        party: 'Scottish National Party',
        current: true,
        constituency: { nation: 'Scotland' },
        currentTenure: { endDate: null },
      });
      expect(mp.constituencyId).toBe(mp.constituency.id);
    }
    const all = await viewer.get('/api/mps').query({ range: '[0,0]' }).expect(200);
    expect(all.headers['content-range']).toBe('mps 0-0/650');
    const q = await viewer
      .get('/api/mps')
      .query({ filter: JSON.stringify({ q: 'holborn and st' }) })
      .expect(200);
    expect(q.body).toHaveLength(1);
    expect(q.body[0]).toMatchObject({ constituencyId: 'E14001290', email: expect.stringMatching(/@parliament\.uk$/) });
  });

  it('gets an MP with tenure history and 404s unknown ids', async () => {
    const [mp] = (
      await viewer
        .get('/api/mps')
        .query({ filter: JSON.stringify({ constituencyId: 'E14001290' }) })
        .expect(200)
    ).body;
    const res = await viewer.get(`/api/mps/${mp.id}`).expect(200);
    expect(res.body).toMatchObject({
      id: mp.id,
      tenures: [expect.objectContaining({ constituencyId: 'E14001290', endDate: null })],
    });
    await viewer.get('/api/mps/999999999').expect(404);
    await viewer.get('/api/mps/abc').expect(404);
  });

  it('reports what is loaded', async () => {
    const res = await viewer.get('/api/directory/status').expect(200);
    expect(res.body.index).toMatchObject({ constituencies: 650, sectors: 10849, districts: 2866 });
    expect(res.body.index.ranges).toBeGreaterThan(50_000);
    expect(res.body.onlineLookup).toBe(false);
  });
});
