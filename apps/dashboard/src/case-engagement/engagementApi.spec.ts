import { HttpError } from 'react-admin';

// react-admin's UI half (MUI) ships ES modules jest won't load; these helpers only use what it re-exports from ra-core.
jest.mock('react-admin', () => jest.requireActual('ra-core'));
jest.mock('../providers/http', () => ({ apiFetch: jest.fn() }));
import { apiFetch } from '../providers/http';
import { agreedActionsPayload, fetchLatestLetter, isHttpUrl, letterDownloadUrl } from './engagementApi';

const fetchMock = apiFetch as jest.MockedFunction<typeof apiFetch>;

describe('isHttpUrl (the evidence link rule, as the API has it)', () => {
  it.each([
    'https://hansard.parliament.uk/Commons/2026-11-20/debates/1',
    'http://example.org/letter.pdf',
    ' https://intranet/letter ',
  ])('accepts %s', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'ftp://example.org/x',
    'hansard.parliament.uk/x',
    'https://',
    'mailto:mp@parliament.uk',
    '',
  ])('refuses %p', (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});

describe('agreedActionsPayload', () => {
  it('trims, sends an empty due date as null, and keeps a chase without a date for the API to refuse by name', () => {
    expect(
      agreedActionsPayload([
        { description: '  Write to the CEO ', owner: 'mp', dueDate: '2026-12-01', chase: true },
        { description: 'Chase me', owner: 'trust', dueDate: '', chase: true },
        { description: 'Timeline', owner: 'charity' },
      ]),
    ).toEqual([
      { description: 'Write to the CEO', owner: 'mp', dueDate: '2026-12-01', chase: true },
      { description: 'Chase me', owner: 'trust', dueDate: null, chase: true },
      { description: 'Timeline', owner: 'charity', dueDate: null, chase: false },
    ]);
  });
});

describe('fetchLatestLetter', () => {
  afterEach(() => fetchMock.mockReset());

  it('is null when the case has no letter yet (404), and passes on any other failure', async () => {
    fetchMock.mockRejectedValueOnce(new HttpError('The case has no letter: draft one first', 404, {}));
    await expect(fetchLatestLetter('c1')).resolves.toBeNull();
    fetchMock.mockRejectedValueOnce(new HttpError('Forbidden', 403, {}));
    await expect(fetchLatestLetter('c1')).rejects.toMatchObject({ status: 403 });
  });

  it('reads the newest letter of the case', async () => {
    fetchMock.mockResolvedValueOnce({ json: { id: 'l1', status: 'draft' } } as Awaited<ReturnType<typeof apiFetch>>);
    await expect(fetchLatestLetter('a b')).resolves.toEqual({ id: 'l1', status: 'draft' });
    expect(fetchMock).toHaveBeenCalledWith('/api/cases/a%20b/letter');
  });
});

describe('letter downloads', () => {
  it('links the PDF and the text of the newest letter', () => {
    expect(letterDownloadUrl('c1', 'pdf')).toBe('/api/cases/c1/letter.pdf');
    expect(letterDownloadUrl('c1', 'txt')).toBe('/api/cases/c1/letter.txt');
  });
});
