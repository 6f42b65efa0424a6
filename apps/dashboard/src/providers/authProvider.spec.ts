import { HttpError } from 'react-admin';

// react-admin's UI half (MUI) ships ES modules jest won't load; the providers only use what it re-exports from ra-core.
jest.mock('react-admin', () => jest.requireActual('ra-core'));
import { authProvider } from './authProvider';
import { toHttpError } from './http';

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('authProvider', () => {
  const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>();
  beforeEach(() => {
    fetchMock.mockReset();
    global.fetch = fetchMock as unknown as typeof fetch;
  });

  it('signs out on 401 only: a 403 is shown as an error, not a sign-out', async () => {
    await expect(authProvider.checkError({ status: 401 })).rejects.toEqual({ status: 401 });
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    await expect(authProvider.checkError({ status: 500 })).resolves.toBeUndefined();
  });

  it('signs in with email and password, same-origin credentials, then knows the role', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, { id: 'u1', email: 'a@x.test', name: 'Ada Admin', role: 'admin' }));
    await authProvider.login({ email: ' a@x.test ', password: 'secret' });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/auth/login');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: JSON.stringify({ email: 'a@x.test', password: 'secret' }),
    });
    await expect(authProvider.getPermissions?.({})).resolves.toBe('admin');
    await expect(authProvider.getIdentity?.()).resolves.toMatchObject({ id: 'u1', fullName: 'Ada Admin' });
  });

  it('rejects a failed sign-in with the API message', async () => {
    fetchMock.mockResolvedValueOnce(
      answer(401, { statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect' }),
    );
    await expect(authProvider.login({ email: 'a@x.test', password: 'wrong' })).rejects.toMatchObject({
      status: 401,
      message: 'Email or password is incorrect',
    });
  });

  it('fails checkAuth when /api/auth/me answers 401 and forgets the user', async () => {
    fetchMock.mockResolvedValueOnce(answer(401, { statusCode: 401, error: 'Unauthorized', message: 'Not signed in' }));
    await expect(authProvider.checkAuth({})).rejects.toMatchObject({ status: 401 });
    fetchMock.mockResolvedValueOnce(answer(401, { statusCode: 401, error: 'Unauthorized', message: 'Not signed in' }));
    await expect(authProvider.getPermissions?.({})).resolves.toBeNull();
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/auth/me', '/api/auth/me']);
  });

  it('clears the session on logout even when the API is unreachable', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(authProvider.logout({})).resolves.toBeUndefined();
  });
});

describe('toHttpError', () => {
  it('maps the API fields to react-admin form errors, with the message as the root error', () => {
    const error = toHttpError(
      new HttpError('Conflict', 409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'A staff user with this email already exists',
        fields: { email: 'already in use' },
      }),
    ) as HttpError;
    expect(error.status).toBe(409);
    expect(error.message).toBe('A staff user with this email already exists');
    expect(error.body.errors).toEqual({
      email: 'already in use',
      root: { serverError: 'A staff user with this email already exists' },
    });
  });

  it('leaves errors without fields as plain errors, so react-admin notifies the message', () => {
    const error = toHttpError(
      new HttpError('Forbidden', 403, { statusCode: 403, error: 'Forbidden', message: 'Admins only' }),
    ) as HttpError;
    expect(error.message).toBe('Admins only');
    expect(error.body.errors).toBeUndefined();
  });
});
