import { HttpError } from 'react-admin';

// react-admin's UI half (MUI) ships ES modules jest won't load; these helpers only use what it re-exports from ra-core.
jest.mock('react-admin', () => jest.requireActual('ra-core'));
import { toHttpError } from '../providers/http';
import { asDuplicate } from './duplicates';

const conflict = (body: object) =>
  toHttpError(new HttpError('Conflict', 409, { statusCode: 409, error: 'Conflict', ...body }));

describe('asDuplicate', () => {
  it('reads the existing id and what matched from the API 409, after the field errors are mapped for the form', () => {
    const error = conflict({
      message: 'A supporter with this email already exists',
      existingId: '6f1c2a9e-1111-4222-8333-944445555666',
      matchedOn: 'email',
      fields: { email: 'matches an existing supporter' },
    });
    expect(asDuplicate(error)).toEqual({
      message: 'A supporter with this email already exists',
      existingId: '6f1c2a9e-1111-4222-8333-944445555666',
      matchedOn: 'email',
    });
  });

  it('keeps a name-and-postcode match', () => {
    expect(asDuplicate(conflict({ message: 'm', existingId: 'abc', matchedOn: 'name_and_postcode' }))?.matchedOn).toBe(
      'name_and_postcode',
    );
  });

  it('is null for other errors: another status, a 409 without an existing id, or not an HTTP error', () => {
    expect(asDuplicate(new HttpError('Bad Request', 400, { message: 'x', existingId: 'abc' }))).toBeNull();
    expect(
      asDuplicate(conflict({ message: 'This supporter was merged into another record', mergedIntoId: 'abc' })),
    ).toBeNull();
    expect(asDuplicate(new Error('Failed to fetch'))).toBeNull();
    expect(asDuplicate(undefined)).toBeNull();
  });
});
