import type { DataProvider, GetListParams } from 'react-admin';
import { withKeysetPages } from './keysetPages';

function answer(headers: Record<string, string>, json: unknown = []) {
  return Promise.resolve({ headers: new Headers(headers), json });
}

const params = (page: number, filter: Record<string, unknown> = {}): GetListParams => ({
  pagination: { page, perPage: 25 },
  sort: { field: 'createdAt', order: 'DESC' },
  filter,
});

function requested(fetchJson: jest.Mock, call: number) {
  const url = new URL(fetchJson.mock.calls[call][0] as string, 'http://x');
  return {
    path: url.pathname,
    sort: url.searchParams.get('sort'),
    range: url.searchParams.get('range'),
    filter: JSON.parse(url.searchParams.get('filter') ?? 'null'),
  };
}

describe('withKeysetPages', () => {
  const base = { getList: jest.fn().mockResolvedValue({ data: [], total: 0 }) } as unknown as DataProvider;
  let fetchJson: jest.Mock;
  let provider: DataProvider;
  beforeEach(() => {
    fetchJson = jest.fn();
    provider = withKeysetPages(base, fetchJson, ['cases']);
  });

  it('sends the simple-REST query, and passes the previous page cursor as filter.after for the next page', async () => {
    fetchJson.mockReturnValueOnce(
      answer({ 'Content-Range': 'cases 0-24/1000000', 'X-Total-Count-Estimated': 'true', 'X-Next-Cursor': 'c1' }, [
        { id: 'a' },
      ]),
    );
    const first = await provider.getList('cases', params(1, { view: 'overdue' }));
    expect(first).toEqual({ data: [{ id: 'a' }], total: 1_000_000, meta: { totalEstimated: true } });
    expect(requested(fetchJson, 0)).toEqual({
      path: '/api/cases',
      sort: '["createdAt","DESC"]',
      range: '[0,24]',
      filter: { view: 'overdue' },
    });

    fetchJson.mockReturnValueOnce(
      answer({ 'Content-Range': 'cases 25-49/1000000', 'X-Total-Count-Estimated': 'true', 'X-Next-Cursor': 'c2' }),
    );
    await provider.getList('cases', params(2, { view: 'overdue' }));
    expect(requested(fetchJson, 1)).toMatchObject({ range: '[25,49]', filter: { view: 'overdue', after: 'c1' } });

    fetchJson.mockReturnValueOnce(answer({ 'Content-Range': 'cases 50-74/1000000' }));
    await provider.getList('cases', params(3, { view: 'overdue' }));
    expect(requested(fetchJson, 2).filter).toEqual({ view: 'overdue', after: 'c2' });
  });

  it('falls back to the offset range for a jump, another filter or another sort', async () => {
    fetchJson.mockReturnValue(answer({ 'Content-Range': 'cases 0-24/80', 'X-Next-Cursor': 'c1' }));
    await provider.getList('cases', params(1));
    const jumped = await provider.getList('cases', params(3));
    expect(requested(fetchJson, 1).filter).toEqual({});
    expect(jumped.meta).toEqual({ totalEstimated: false });
    await provider.getList('cases', params(2, { status: 'new' }));
    expect(requested(fetchJson, 2).filter).toEqual({ status: 'new' });
    await provider.getList('cases', { ...params(2), sort: { field: 'reference', order: 'ASC' } });
    expect(requested(fetchJson, 3).filter).toEqual({});
  });

  it('refuses an answer without a total, and leaves other resources to the simple-REST provider', async () => {
    fetchJson.mockReturnValueOnce(answer({}));
    await expect(provider.getList('cases', params(1))).rejects.toThrow(/Content-Range/);
    await provider.getList('supporters', params(1));
    expect(base.getList).toHaveBeenCalledWith('supporters', params(1));
    expect(fetchJson).toHaveBeenCalledTimes(1);
  });
});
