import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataProvider, RaRecord } from 'ra-core';
import { signedInProvider, startDemoApi } from '../support/react-admin';

/**
 * react-admin's `update` sends back the whole record `getOne` read. Every editable resource must take it
 * unchanged, so a read field added to a contract can never turn a save in the dashboard into a 400.
 */
describe("react-admin's getOne then update with the same data, on every editable resource", () => {
  let app: NestExpressApplication;
  let dataProvider: DataProvider;

  beforeAll(async () => {
    let baseUrl: string;
    ({ app, baseUrl } = await startDemoApi());
    dataProvider = await signedInProvider(baseUrl, app);
  }, 120_000);
  afterAll(() => app?.close());

  const firstOf = async (resource: string, filter: Record<string, unknown> = {}) => {
    const { data } = await dataProvider.getList(resource, {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'id', order: 'ASC' },
      filter,
    });
    expect(data).toHaveLength(1);
    return data[0];
  };

  /** A meeting, made through react-admin's `create` (the demo data has none). */
  const aMeeting = async () => {
    const found = await firstOf('cases');
    const startsAt = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString();
    const { data } = await dataProvider.create('meetings', {
      data: { caseId: found.id, type: 'virtual', startsAt, location: 'Video call' },
    });
    return data;
  };

  const EDITABLE: [string, () => Promise<RaRecord>][] = [
    ['cases', () => firstOf('cases')],
    ['supporters', () => firstOf('supporters')],
    ['staff-users', () => firstOf('staff-users')],
    ['templates', () => firstOf('templates')],
    ['triage-rules', () => firstOf('triage-rules')],
    ['scheduled-emails', () => firstOf('scheduled-emails', { status: 'scheduled' })],
    ['meetings', aMeeting],
  ];

  it.each(EDITABLE)('%s', async (resource, pick) => {
    const { id } = await pick();
    const { data: record } = await dataProvider.getOne(resource, { id });
    const { data: saved } = await dataProvider.update(resource, { id, data: record, previousData: record });
    expect(saved.id).toEqual(id);
    // Nothing the client could not change moved: the read fields were ignored, not applied.
    const { data: after } = await dataProvider.getOne(resource, { id });
    for (const field of ['id', 'createdAt']) if (field in record) expect(after[field]).toEqual(record[field]);
  });

  it('still refuses a field that is neither editable nor part of the record, naming it', async () => {
    const found = await firstOf('cases');
    const { data: record } = await dataProvider.getOne('cases', { id: found.id });
    await expect(
      dataProvider.update('cases', { id: found.id, data: { ...record, colour: 'red' }, previousData: record }),
    ).rejects.toMatchObject({ status: 400, body: { fields: { colour: 'colour is not an allowed field' } } });
  });
});
