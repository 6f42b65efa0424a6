import type { StaffRole } from './enums';
import { fieldsOf } from './fields';

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

/** Every field of a staff user as react-admin reads it (and sends back on update). */
export const STAFF_USER_FIELDS = fieldsOf<StaffUserDto>()({
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
  updatedAt: true,
});
