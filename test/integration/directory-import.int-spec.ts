import type { NestExpressApplication } from '@nestjs/platform-express';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DirectoryImportService } from '@campaign-desk/server-directory';
import { runDirectoryImport } from '../../apps/api/src/cli/directory-import';
import { copyDirectoryData, startLoopbackServer, UK_PARLIAMENT_DIR } from '../support/directory';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

const TABLES = ['constituencies', 'mps', 'mp_tenures', 'postcode_ranges', 'postcode_sectors', 'postcode_districts'];

describe('directory import', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let service: DirectoryImportService;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>['agent'];
  let data: Awaited<ReturnType<typeof copyDirectoryData>>;

  const counts = () =>
    withDb(env.databaseUrl, async (db) => {
      const out: Record<string, number> = {};
      for (const t of TABLES) out[t] = Number((await db.query(`SELECT count(*) FROM ${t}`)).rows[0].count);
      return out;
    });
  const run = async (args: Record<string, string | true>) => {
    let output = '';
    const report = await runDirectoryImport(service, args, (text) => (output += text));
    return { report, output };
  };

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startApi();
    service = app.get(DirectoryImportService);
    ({ agent: viewer } = await signedInAgent(app, 'viewer'));
    data = await copyDirectoryData();
  }, 60_000);
  afterAll(async () => {
    await data.remove();
    await app.close();
  });

  it('answers 503 for lookups before anything is imported, and --if-empty imports only then', async () => {
    const res = await viewer.get('/api/directory/lookup?postcode=WC1E6BT').expect(503);
    expect(res.body.message).toMatch(/directory:import/);
    expect(await service.isEmpty()).toBe(true);
  });

  it('loads everything the first time and says so', async () => {
    const { report, output } = await run({ 'if-empty': true });
    expect(report).toMatchObject({
      constituencies: { added: 650, updated: 0, unchanged: 0 },
      mps: { added: 650, updated: 0 },
      tenures: { started: 650, ended: 0, initial: 650 },
      seatChanges: [],
      changed: true,
    });
    expect(report!.postcodes.sectors).toEqual({ rows: 15992, previousRows: null, changed: true });
    expect(report!.postcodes.districts).toEqual({ rows: 6112, previousRows: null, changed: true });
    expect(report!.postcodes.ranges.rows).toBeGreaterThan(50_000);
    expect(report!.durationMs).toBeLessThan(15_000);
    expect(output).toMatch(/Constituencies: 650 added/);
    expect(output).toMatch(/Changes applied/);
    expect(await counts()).toMatchObject({
      constituencies: 650,
      mps: 650,
      mp_tenures: 650,
      postcode_sectors: 15992,
      postcode_districts: 6112,
    });
    await viewer.get('/api/directory/lookup?postcode=WC1E6BT').expect(200);
  });

  it('changes nothing and creates no duplicates the second time, and says so', async () => {
    const before = await counts();
    const { report, output } = await run({});
    expect(report).toMatchObject({
      constituencies: { added: 0, updated: 0, unchanged: 650 },
      mps: { added: 0, updated: 0 },
      tenures: { started: 0, ended: 0 },
      changed: false,
    });
    expect(report!.postcodes.ranges.changed).toBe(false);
    expect(output).toMatch(/Nothing changed/);
    expect(await counts()).toEqual(before);
    expect((await run({ 'if-empty': true })).output).toMatch(/already loaded: skipped/);
  });

  it('ends the old tenure and starts a new one when an MP changes, keeping the history', async () => {
    const [starmer] = (
      await viewer
        .get('/api/mps')
        .query({ filter: JSON.stringify({ constituencyId: 'E14001290' }) })
        .expect(200)
    ).body;
    await data.rewrite('mps_by_constituency.csv', (csv) =>
      csv
        // A by-election in Holborn and St Pancras…
        .replace(
          /^E14001290,Holborn and St Pancras,England,London,[^\n]*$/m,
          'E14001290,Holborn and St Pancras,England,London,Test Newmember,Test Newmember MP,Green Party,999001,test.newmember.mp@parliament.uk,,2026-11-01,Keir Starmer,Labour,Lab hold,no,2026-11-23',
        )
        // …a defection in Battersea…
        .replace(
          /^(E14001081,Battersea,England,London,Marsha De Cordova,Marsha De Cordova MP,)Labour,/m,
          '$1Independent,',
        )
        // …and a new email for Cities of London and Westminster's MP.
        .replace('rachel.blake.mp@parliament.uk', 'rachel.blake.office@parliament.uk'),
    );
    const { report, output } = await run({ from: data.dir });
    expect(report).toMatchObject({
      constituencies: { unchanged: 650 },
      mps: { added: 1, updated: 2 },
      tenures: { started: 2, ended: 2 },
      changed: true,
    });
    expect(report!.seatChanges).toEqual([
      expect.objectContaining({
        constituencyId: 'E14001081',
        kind: 'party_change',
        before: expect.objectContaining({ party: 'Labour' }),
        after: expect.objectContaining({ party: 'Independent' }),
      }),
      expect.objectContaining({
        constituencyId: 'E14001290',
        kind: 'new_mp',
        date: '2026-11-01',
        before: expect.objectContaining({ mpId: starmer.id }),
        after: { mpId: 999001, name: 'Test Newmember', party: 'Green Party' },
      }),
    ]);
    expect(output).toMatch(
      /2026-11-01 {2}Holborn and St Pancras \(E14001290\): .+ \(Labour\) -> Test Newmember \(Green Party\) \[new mp\]/,
    );
    expect(report!.postcodes.sectors.changed).toBe(false);

    const former = (await viewer.get(`/api/mps/${starmer.id}`).expect(200)).body;
    expect(former).toMatchObject({ current: false, constituencyId: null, currentTenure: null });
    expect(former.tenures[0]).toMatchObject({
      constituencyId: 'E14001290',
      endDate: '2026-11-01',
      endReason: 'replaced',
    });
    const successor = (await viewer.get('/api/mps/999001').expect(200)).body;
    expect(successor).toMatchObject({
      current: true,
      constituencyId: 'E14001290',
      party: 'Green Party',
      currentTenure: { startDate: '2026-11-01', endDate: null },
    });
    const seat = (await viewer.get('/api/constituencies/E14001290').expect(200)).body;
    expect(seat.tenures.map((t: { mpId: number; endDate: string | null }) => [t.mpId, t.endDate])).toEqual([
      [999001, null],
      [starmer.id, '2026-11-01'],
    ]);

    const battersea = (await viewer.get('/api/constituencies/E14001081').expect(200)).body;
    expect(battersea.tenures.map((t: { party: string; endReason: string | null }) => [t.party, t.endReason])).toEqual([
      ['Independent', null],
      ['Labour', 'party_change'],
    ]);
    expect(
      (
        await viewer
          .get('/api/mps')
          .query({ filter: JSON.stringify({ q: 'rachel blake' }) })
          .expect(200)
      ).body[0].email,
    ).toBe('rachel.blake.office@parliament.uk');

    // The lookup index follows at once.
    const lookup = (await viewer.get('/api/directory/lookup?postcode=WC1E 6BT').expect(200)).body;
    expect(lookup.mp).toEqual({
      id: 999001,
      name: 'Test Newmember',
      party: 'Green Party',
      email: 'test.newmember.mp@parliament.uk',
    });

    // The same list again changes nothing.
    const again = await run({ from: data.dir });
    expect(again.report).toMatchObject({ changed: false, tenures: { started: 0, ended: 0 }, seatChanges: [] });
  });

  it('imports from URLs, reading the same files over HTTP', async () => {
    const server = await startLoopbackServer((path) => {
      try {
        const file = join(data.dir, decodeURIComponent(path.split('?')[0]));
        if (!file.startsWith(data.dir)) return { status: 404, body: '' };
        return { status: 200, body: readFileSync(file, 'utf8'), contentType: 'text/plain' };
      } catch {
        return { status: 404, body: 'not found' };
      }
    });
    try {
      const { report } = await run({ from: `${server.url}/` });
      expect(report).toMatchObject({ changed: false, constituencies: { unchanged: 650 } });
      expect(server.requests).toEqual(
        expect.arrayContaining(['/constituencies_2024.csv', '/sources/mysociety_pcon_2024_range_lookup.json']),
      );
      await expect(run({ from: server.url, mps: `${server.url}/missing.csv` })).rejects.toThrow(
        /MPs: .*missing\.csv answered HTTP 404/,
      );
    } finally {
      await server.close();
    }
  });

  it('reads the official formats: House of Commons Library results and the DfE MP list', async () => {
    const { report } = await run({
      from: UK_PARLIAMENT_DIR,
      constituencies: join(UK_PARLIAMENT_DIR, 'sources/HoC-GE2024-results-by-constituency.csv'),
      mps: join(UK_PARLIAMENT_DIR, 'sources/dfe_mp_lookup.csv'),
    });
    expect(report!.constituencies.added).toBe(0);
    expect(report!.constituencies.unchanged + report!.constituencies.updated).toBe(650);
    // The DfE list is the original source: back to Keir Starmer in Holborn and St Pancras, Labour in Battersea.
    expect(report!.seatChanges.map((c) => [c.constituencyId, c.kind])).toEqual(
      expect.arrayContaining([
        ['E14001290', 'new_mp'],
        ['E14001081', 'party_change'],
      ]),
    );
    const seat = (await viewer.get('/api/constituencies/E14001290').expect(200)).body;
    expect(seat.mp.id).toBe(4514);
    expect(seat.tenures).toHaveLength(3);
  });

  it('refuses a bad file, naming it, and changes nothing', async () => {
    const before = await counts();
    const broken = await copyDirectoryData();
    try {
      await broken.rewrite('mps_by_constituency.csv', (csv) =>
        csv
          .replace('E14001290,Holborn', 'E14009999,Holborn')
          .replace(/Marsha De Cordova MP,Labour,/, 'Marsha De Cordova MP,Green Party,'),
      );
      await expect(run({ from: broken.dir })).rejects.toThrow(
        /mps_by_constituency\.csv: 1 constituency code\(s\) not in the constituency list, e\.g\. E14009999/,
      );
      await broken.rewrite('postcode_sector_to_pcon2024.csv', (csv) => csv.replace('postcode_sector,', 'sector,'));
      await expect(run({ from: broken.dir })).rejects.toThrow(
        /postcode_sector_to_pcon2024\.csv: missing column postcode_sector/,
      );
      await expect(run({ from: '/nonexistent/dir' })).rejects.toThrow(
        /cannot read \/nonexistent\/dir\/constituencies_2024\.csv \(ENOENT\)/,
      );
      await expect(run({ frm: 'x' })).rejects.toThrow(/unknown option --frm/);
    } finally {
      await broken.remove();
    }
    expect(await counts()).toEqual(before);
    const battersea = (await viewer.get('/api/constituencies/E14001081').expect(200)).body;
    expect(battersea.mp.party).not.toBe('Green Party');
  });

  it('keeps the MP list file untouched in the shared data', async () => {
    expect(await readFile(join(UK_PARLIAMENT_DIR, 'mps_by_constituency.csv'), 'utf8')).toMatch(
      /E14001290,Holborn and St Pancras,England,London,Sir Keir Starmer/,
    );
  });
});
