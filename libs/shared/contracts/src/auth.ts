import type { StaffRole } from './enums';

/** What `GET /api/auth/me` and `POST /api/auth/login` answer. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

export interface StaffUserDto extends SessionUser {
  active: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

/** Shape of every error body the API answers (DESIGN §5). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Field name → what is wrong with it, for validation errors. */
  fields?: Record<string, string>;
}
