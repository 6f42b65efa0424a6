import { HttpError } from 'react-admin';

// react-admin's UI half (MUI) ships ES modules jest won't load; these helpers only use what it re-exports from ra-core.
jest.mock('react-admin', () => jest.requireActual('ra-core'));
import { toHttpError } from '../providers/http';
import { formatShare } from './lookupLabels';
import { lookupPostcode, toPostcodeProblem } from './usePostcodeLookup';

describe('toPostcodeProblem', () => {
  it('uses the API field message and reason for a 400', () => {
    const error = toHttpError(
      new HttpError('Bad Request', 400, {
        statusCode: 400,
        message: 'postcode ZE9 9ZZ was not found in the postcode directory (the format is valid)',
        fields: { postcode: 'ZE9 9ZZ was not found in the postcode directory (the format is valid)' },
        reason: 'not_found',
      }),
    );
    expect(toPostcodeProblem(error)).toEqual({
      reason: 'not_found',
      detail: 'ZE9 9ZZ was not found in the postcode directory (the format is valid)',
    });
  });

  it('reads anything else (directory not imported, network down) as the lookup being unavailable', () => {
    const notImported = new HttpError('The constituency directory has not been imported yet', 503, {});
    expect(toPostcodeProblem(notImported)).toEqual({
      reason: 'unavailable',
      detail: 'The constituency directory has not been imported yet',
    });
    expect(toPostcodeProblem(new TypeError('Failed to fetch'))).toEqual({
      reason: 'unavailable',
      detail: 'Failed to fetch',
    });
  });
});

describe('lookupPostcode', () => {
  it('asks the API with the postcode encoded in the query string and the session cookie', async () => {
    const fetchMock = jest
      .fn()
      .mockResolvedValue(new Response(JSON.stringify({ postcode: 'SW1A 1AA' }), { status: 200 }));
    global.fetch = fetchMock as unknown as typeof fetch;
    await expect(lookupPostcode('SW1A 1AA')).resolves.toEqual({ postcode: 'SW1A 1AA' });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/directory/lookup?postcode=SW1A%201AA');
    expect(init).toMatchObject({ credentials: 'same-origin' });
  });
});

describe('labels', () => {
  it('shows shares as whole percentages, tiny ones as <1%, unknown ones as nothing', () => {
    expect(formatShare(0.9771)).toBe('98%');
    expect(formatShare(0.0076)).toBe('<1%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(null)).toBe('');
  });
});
