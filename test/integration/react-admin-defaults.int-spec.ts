import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataProvider } from 'ra-core';
import { signedInProvider, startDemoApi } from '../support/react-admin';

/** Every list endpoint behind a react-admin resource (DESIGN §5), plus the admin lists the dashboard shows. */
const LIST_RESOURCES = [
  'cases',
  'supporters',
  'messages',
  'constituencies',
  'mps',
  'scheduled-emails',
  'mp-contacts',
  'meetings',
  'mp-actions',
  'templates',
  'staff-users',
  'audit-events',
  'triage-rules',
  'quarantined-messages',
  'chase-tasks',
] as const;

/** Resources the demo data fills with more than one row, so the order is really tested. */
const SEEDED = [
  'cases',
  'supporters',
  'constituencies',
  'mps',
  'mp-contacts',
  'templates',
  'staff-users',
  'audit-events',
];

const ascending = (ids: unknown[]) =>
  ids.every((id, i) => i === 0 || compareIds(ids[i - 1], id) < 0) ? 'ascending' : `not ascending: ${ids.join(', ')}`;
const descending = (ids: unknown[]) =>
  ids.every((id, i) => i === 0 || compareIds(ids[i - 1], id) > 0) ? 'descending' : `not descending: ${ids.join(', ')}`;
function compareIds(a: unknown, b: unknown): number {
  // Numbers, or bigint ids sent as strings, compare as numbers; uuids and codes as strings.
  if (/^\d+$/.test(String(a)) && /^\d+$/.test(String(b))) return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

describe("react-admin's defaults on every list (sort by id)", () => {
  let app: NestExpressApplication;
  let dataProvider: DataProvider;

  beforeAll(async () => {
    let baseUrl: string;
    ({ app, baseUrl } = await startDemoApi());
    dataProvider = await signedInProvider(baseUrl, app);
  }, 120_000);
  afterAll(() => app?.close());

  it.each(LIST_RESOURCES)('%s answers getList with sort ["id","ASC"], range [0,9] and filter {}', async (resource) => {
    const page = await dataProvider.getList(resource, {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });
    expect(page.data.length).toBeLessThanOrEqual(10);
    expect(page.total).toBeGreaterThanOrEqual(page.data.length);
    expect(ascending(page.data.map((r) => r.id))).toBe('ascending');
  });

  it.each(LIST_RESOURCES)('%s sorted ["id","DESC"] answers the reverse order', async (resource) => {
    const read = (order: 'ASC' | 'DESC') =>
      dataProvider.getList(resource, {
        pagination: { page: 1, perPage: 10 },
        sort: { field: 'id', order },
        filter: {},
      });
    const [asc, desc] = await Promise.all([read('ASC'), read('DESC')]);
    const ascIds = asc.data.map((r) => r.id);
    const descIds = desc.data.map((r) => r.id);
    expect(descending(descIds)).toBe('descending');
    if ((asc.total ?? 0) <= 10) expect(descIds).toEqual([...ascIds].reverse());
    else expect(compareIds(descIds[0], ascIds[ascIds.length - 1])).toBeGreaterThan(0);
    if (SEEDED.includes(resource)) expect(ascIds.length).toBeGreaterThan(1);
  });
});
