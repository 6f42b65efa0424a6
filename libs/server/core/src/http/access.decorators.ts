import { SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@campaign-desk/contracts';

export const ROLES_KEY = 'campaign-desk:roles';
export const PUBLIC_KEY = 'campaign-desk:public';

/**
 * Who may call a handler. Every controller handler declares either @Roles or @Public:
 * the access guard refuses any handler that declares neither.
 */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);
export const AnyStaff = () => SetMetadata(ROLES_KEY, ['admin', 'caseworker', 'viewer'] satisfies StaffRole[]);
export const Public = () => SetMetadata(PUBLIC_KEY, true);
