import type { AuthProvider } from 'react-admin';
import type { SessionUser } from '@campaign-desk/contracts';
import { apiFetch } from './http';

let cachedUser: SessionUser | null = null;

async function fetchMe(): Promise<SessionUser> {
  const { json } = await apiFetch('/api/auth/me');
  cachedUser = json as SessionUser;
  return cachedUser;
}

async function currentUser(): Promise<SessionUser> {
  return cachedUser ?? fetchMe();
}

/** Session-cookie auth against /api/auth (the cookie is httpOnly: the browser never reads it). */
export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    const { json } = await apiFetch('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: email?.trim(), password }),
    });
    cachedUser = json as SessionUser;
  },

  async logout() {
    cachedUser = null;
    try {
      await apiFetch('/api/auth/logout', { method: 'POST' });
    } catch {
      // Signed out already (or the API is away): the login page is still the right place.
    }
  },

  // GET /api/auth/me answers 401 without a live session; any failure means the session can't be confirmed.
  async checkAuth() {
    try {
      await fetchMe();
    } catch (error) {
      cachedUser = null;
      throw error;
    }
  },

  // Only 401 ends the session. A 403 is a permission problem: react-admin shows the error instead.
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      cachedUser = null;
      throw error;
    }
  },

  async getIdentity() {
    const user = await currentUser();
    return { id: user.id, fullName: user.name, email: user.email, role: user.role };
  },

  async getPermissions() {
    try {
      return (await currentUser()).role;
    } catch {
      return null;
    }
  },
};
