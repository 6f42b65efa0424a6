import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type SessionUser, type StaffRole, type StaffUserDto, STAFF_ROLES } from '@campaign-desk/contracts';
import { type ListQuery, textFilter, enumFilter, flagFilter, uuidsFilter } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import type { CreateStaffUserDto, UpdateStaffUserDto } from './staff-user.dto';
import { SessionsRepository } from '../sessions/sessions.repository';
import { hashPassword } from './password';
import { toStaffUserDto } from './staff-user.mapper';
import { StaffUsersRepository, type StaffUserFilterField, type StaffUserSortField } from './staff-users.repository';
import { UUID } from '@campaign-desk/server-core';

@Injectable()
export class StaffUsersService {
  constructor(
    private readonly users: StaffUsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<StaffUserFilterField, StaffUserSortField>): Promise<[StaffUserDto[], number]> {
    const f = query.filter;
    const [rows, total] = await this.users.list(query, {
      q: textFilter(f, 'q'),
      roles: enumFilter(f, 'role', STAFF_ROLES),
      active: flagFilter(f, 'active'),
      ids: uuidsFilter(f, 'id'),
    });
    return [rows.map(toStaffUserDto), total];
  }

  async get(id: string): Promise<StaffUserDto> {
    return toStaffUserDto(await this.load(id));
  }

  async create(input: CreateStaffUserDto, actor: SessionUser): Promise<StaffUserDto> {
    if (await this.users.findByEmail(input.email)) {
      throw new ConflictException({
        message: 'A staff user with this email already exists',
        fields: { email: 'already in use' },
      });
    }
    const user = await this.users.create({
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    await this.audit.record({
      actorId: actor.id,
      action: 'staff_user.created',
      entityType: 'staff_user',
      entityId: user.id,
      details: { role: user.role },
    });
    return toStaffUserDto(user);
  }

  async update(id: string, input: UpdateStaffUserDto, actor: SessionUser): Promise<StaffUserDto> {
    const user = await this.load(id);
    if (input.email !== undefined && input.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new BadRequestException({ message: 'email cannot be changed', fields: { email: 'cannot be changed' } });
    }
    const changes: Parameters<StaffUsersRepository['update']>[1] = {};
    if (input.name !== undefined && input.name.trim() !== user.name) changes.name = input.name.trim();
    if (input.role !== undefined && input.role !== user.role) changes.role = input.role;
    if (input.active !== undefined && input.active !== user.active) changes.active = input.active;
    if (input.password) changes.passwordHash = await hashPassword(input.password);
    await this.guardLockout(user.id, user.role, changes.role, changes.active, actor);
    if (Object.keys(changes).length === 0) return toStaffUserDto(user);
    await this.users.update(id, changes);
    if (changes.active === false || changes.passwordHash || changes.role) await this.sessions.deleteForUser(id);
    await this.audit.record({
      actorId: actor.id,
      action: changes.active === false ? 'staff_user.deactivated' : 'staff_user.updated',
      entityType: 'staff_user',
      entityId: id,
      details: { fields: Object.keys(changes).map((k) => (k === 'passwordHash' ? 'password' : k)), role: changes.role },
    });
    return this.get(id);
  }

  /** DELETE deactivates: staff users are never removed, so their audit trail keeps its author. */
  deactivate(id: string, actor: SessionUser): Promise<StaffUserDto> {
    return this.update(id, { active: false }, actor);
  }

  /** Used by the CLI: creates the user, or resets the password, role and active flag of an existing one. */
  async createOrReset(input: {
    email: string;
    name?: string;
    role: StaffRole;
    password: string;
  }): Promise<{ user: StaffUserDto; created: boolean }> {
    const existing = await this.users.findByEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    if (existing) {
      await this.users.update(existing.id, {
        role: input.role,
        passwordHash,
        active: true,
        ...(input.name ? { name: input.name } : {}),
      });
      await this.sessions.deleteForUser(existing.id);
      await this.audit.record({
        action: 'staff_user.reset_by_cli',
        entityType: 'staff_user',
        entityId: existing.id,
        details: { role: input.role },
      });
      return { user: await this.get(existing.id), created: false };
    }
    return { user: await this.createFromCli(input, passwordHash), created: true };
  }

  /**
   * The demo seed's sign-in: created with this password when the email is new; an existing account
   * is left exactly as it is (its password, role and active flag are someone's decision).
   */
  async createIfMissing(input: {
    email: string;
    name: string;
    role: StaffRole;
    password: string;
  }): Promise<{ user: StaffUserDto; created: boolean }> {
    const existing = await this.users.findByEmail(input.email);
    if (existing) return { user: toStaffUserDto(existing), created: false };
    return { user: await this.createFromCli(input, await hashPassword(input.password)), created: true };
  }

  private async createFromCli(
    input: { email: string; name?: string; role: StaffRole },
    passwordHash: string,
  ): Promise<StaffUserDto> {
    const user = await this.users.create({
      email: input.email.trim().toLowerCase(),
      name: input.name?.trim() || input.email.split('@')[0],
      role: input.role,
      passwordHash,
    });
    await this.audit.record({
      action: 'staff_user.created_by_cli',
      entityType: 'staff_user',
      entityId: user.id,
      details: { role: input.role },
    });
    return toStaffUserDto(user);
  }

  private async load(id: string) {
    const user = UUID.test(id) ? await this.users.findById(id) : null;
    if (!user) throw new NotFoundException('Staff user not found');
    return user;
  }

  /** Nobody locks themselves out, and the last active admin stays an active admin. */
  private async guardLockout(
    id: string,
    role: StaffRole,
    newRole: StaffRole | undefined,
    newActive: boolean | undefined,
    actor: SessionUser,
  ) {
    const losesAdmin = role === 'admin' && ((newRole !== undefined && newRole !== 'admin') || newActive === false);
    if (id === actor.id && newActive === false) {
      throw new BadRequestException({
        message: 'You cannot deactivate your own account',
        fields: { active: 'cannot deactivate yourself' },
      });
    }
    if (id === actor.id && losesAdmin) {
      throw new BadRequestException({
        message: 'You cannot remove your own admin role',
        fields: { role: 'cannot demote yourself' },
      });
    }
    if (losesAdmin && (await this.users.countActiveAdmins()) <= 1) {
      throw new BadRequestException({
        message: 'The last active admin cannot be demoted or deactivated',
        fields: { role: 'last active admin' },
      });
    }
  }
}
