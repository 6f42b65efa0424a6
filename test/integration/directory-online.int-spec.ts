import type { NestExpressApplication } from '@nestjs/platform-express';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PostcodeLookupResult } from '@campaign-desk/contracts';
import { importDirectory, startLoopbackServer, UK_PARLIAMENT_DIR } from '../support/directory';
import { supporterInput } from '../support/supporters';
import { prepareTestEnv, signedInAgent, startApi } from '../support/test-app';

const EXAMPLES = join(UK_PARLIAMENT_DIR, 'api-examples/postcodes-io');

describe('directory: Northern Ireland postcodes through an online lookup (POSTCODES_IO_URL)', () => {
  let app: NestExpressApplication;
  let server: Awaited<ReturnType<typeof startLoopbackServer>>;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>['agent'];

  beforeAll(async () => {
    // The documented example (BR8 7RE) with its constituency codes set to Belfast East, as postcodes.io answers for a BT postcode.
    const example = JSON.parse(await readFile(join(EXAMPLES, 'example_GET_postcodes_BR87RE_200.json'), 'utf8'));
    example.result.codes.parliamentary_constituency = 'N05000001';
    example.result.codes.parliamentary_constituency_2024 = 'N05000001';
    const notFound = await readFile(join(EXAMPLES, 'example_GET_postcodes_404_not_found.json'), 'utf8');
    server = await startLoopbackServer((path) => {
      if (path === '/postcodes/BT43XX') return { status: 200, body: JSON.stringify(example) };
      if (path === '/postcodes/BT99ZZ') return { status: 404, body: notFound };
      if (path === '/postcodes/BT11AA')
        return { status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' };
      if (path === '/postcodes/BT22AA') return { status: 200, body: '{"status":200,"result":{"codes":{}}}' };
      if (path === '/postcodes/BT33AA') return 'hang';
      return { status: 404, body: notFound };
    });
    await prepareTestEnv({ POSTCODES_IO_URL: `${server.url}/` });
    app = await startApi();
    await importDirectory(app);
    ({ agent: caseworker } = await signedInAgent(app, 'caseworker'));
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await server.close();
    delete process.env.POSTCODES_IO_URL;
  });

  const lookup = (postcode: string) => caseworker.get('/api/directory/lookup').query({ postcode });

  it('resolves a BT postcode online to its constituency and MP, and caches the answer', async () => {
    const body = (await lookup('bt4 3xx').expect(200)).body as PostcodeLookupResult;
    expect(body).toMatchObject({
      postcode: 'BT4 3XX',
      method: 'online',
      ambiguous: false,
      constituency: { id: 'N05000001', name: 'Belfast East', nation: 'Northern Ireland' },
      mp: { id: expect.any(Number) },
    });
    await lookup('BT4 3XX').expect(200);
    expect(server.requests.filter((r) => r === '/postcodes/BT43XX')).toHaveLength(1);
  });

  it("sets a supporter's constituency from the online answer", async () => {
    const res = await caseworker
      .post('/api/supporters')
      .send(supporterInput({ postcode: 'BT4 3XX' }))
      .expect(201);
    expect(res.body).toMatchObject({ constituencyId: 'N05000001', constituencyMethod: 'online' });
  });

  it('answers 400 not found when the online lookup does not know the postcode', async () => {
    const res = await lookup('BT9 9ZZ').expect(400);
    expect(res.body).toMatchObject({ reason: 'not_found', fields: { postcode: expect.stringMatching(/not found/) } });
  });

  it('falls back to the 18-seat list when the online lookup fails, times out or answers without a code', async () => {
    for (const postcode of ['BT1 1AA', 'BT2 2AA', 'BT3 3AA']) {
      const body = (await lookup(postcode).expect(200)).body as PostcodeLookupResult;
      expect(body).toMatchObject({
        method: 'not_covered',
        constituency: null,
        message: expect.stringMatching(/unavailable/),
      });
      expect(body.candidates).toHaveLength(18);
    }
    // Failures are not cached: the next request asks again.
    await lookup('BT1 1AA').expect(200);
    expect(server.requests.filter((r) => r === '/postcodes/BT11AA')).toHaveLength(2);
  });

  it('still answers GB postcodes offline without asking the online service', async () => {
    const before = server.requests.length;
    expect((await lookup('WC1E 6BT').expect(200)).body.method).toBe('exact');
    expect(server.requests.length).toBe(before);
  });

  it('answers a BT district offline with the 18-seat list (online lookups need a full postcode)', async () => {
    const body = (await lookup('BT9').expect(200)).body as PostcodeLookupResult;
    expect(body).toMatchObject({ postcode: 'BT9', method: 'not_covered' });
  });
});
