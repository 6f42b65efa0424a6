import type { StaffRole } from './enums';
import { fieldsOf } from './fields';

/** Who acts, for the audit trail: a staff user's id (null: the system, such as the CLI or the worker) and where from. */
export interface Actor {
  id: string | null;
  ip?: string | null;
}

/** A signed-in staff member acting through the API: services check the role and audit the id. */
export interface StaffActor {
  user: SessionUser;
  ip?: string | null;
}

/** The audit actor of a signed-in staff member. */
export function actorOf(staff: StaffActor): Actor {
  return { id: staff.user.id, ip: staff.ip ?? null };
}

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
