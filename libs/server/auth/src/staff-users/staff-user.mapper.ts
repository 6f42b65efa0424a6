import type { SessionUser, StaffUserDto } from '@campaign-desk/contracts';
import type { StaffUserEntity } from './staff-user.entity';

export function toSessionUser(user: StaffUserEntity): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function toStaffUserDto(user: StaffUserEntity): StaffUserDto {
  return {
    ...toSessionUser(user),
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
