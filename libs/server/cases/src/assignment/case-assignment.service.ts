import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { BulkAssignResult, CaseAssigneeOption, StaffUserDto, Actor } from '@campaign-desk/contracts';
import { AppConfig, Clock, fieldError } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { StaffUsersService } from '@campaign-desk/server-auth';
import type { EntityManager } from 'typeorm';
import { CaseLookup } from '../cases/case-lookup';
import type { AssignmentMethod } from '../history/case-history.entity';
import type { CaseEntity } from '../cases/case.entity';
import { CaseHistoryRepository } from '../history/case-history.repository';
import { CasesRepository } from '../cases/cases.repository';
import { pickRoundRobin } from './round-robin';

/** Most staff a team has; lists of assignees and auto-assign candidates read at most this many. */
const MAX_STAFF = 500;

/** Assign, reassign, unassign (one case or many) and the optional round-robin auto-assignment. Every change is audited. */
@Injectable()
export class CaseAssignmentService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly lookup: CaseLookup,
    private readonly history: CaseHistoryRepository,
    private readonly staff: StaffUsersService,
    private readonly audit: AuditService,
  ) {}

  /** Assigns (or with null unassigns) one case. Answers whether anything changed. */
  async assign(id: string, assigneeId: string | null, actor: Actor): Promise<boolean> {
    const assignee = assigneeId === null ? null : await this.requireAssignable(assigneeId, 'assigneeId');
    return this.cases.transaction(async (tx) => {
      const current = await this.lookup.lock(tx, id);
      return this.apply(tx, current, assignee, 'manual', actor);
    });
  }

  async bulkAssign(ids: string[], assigneeId: string | null, actor: Actor): Promise<BulkAssignResult> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const assignee = assigneeId === null ? null : await this.requireAssignable(assigneeId, 'assigneeId');
    return this.cases.transaction(async (tx) => {
      const rows = await this.cases.lockForUpdate(tx, unique);
      const missing = unique.filter((id) => !rows.has(id));
      if (missing.length)
        throw new BadRequestException({
          message: `ids include cases that do not exist: ${missing.join(', ')}`,
          fields: { ids: `unknown cases: ${missing.join(', ')}` },
        });
      const result: BulkAssignResult = { updated: [], unchanged: [] };
      for (const [id, current] of rows) {
        const changed = await this.apply(tx, current, assignee, 'bulk', actor);
        (changed ? result.updated : result.unchanged).push(id);
      }
      return result;
    });
  }

  /**
   * For a case being created inside `tx`: the next active caseworker in round robin who is under
   * the open-case limit, or null (auto-assignment off, or nobody can take it). Holding the cursor
   * row's lock until `tx` commits makes concurrent creators (in any process) take turns.
   */
  async pickAutoAssignee(tx: EntityManager): Promise<string | null> {
    if (!this.config.AUTO_ASSIGN) return null;
    const candidates = await this.activeStaff(['caseworker']);
    if (!candidates.length) return null;
    const last = await this.cases.lockAutoAssignCursor(tx);
    const loads = await this.cases.openCounts(
      candidates.map((c) => c.id),
      tx,
    );
    const chosen = pickRoundRobin(
      candidates.map((c) => c.id),
      last,
      (id) => (loads.get(id) ?? 0) < this.config.AUTO_ASSIGN_MAX_OPEN,
    );
    if (chosen) await this.cases.setAutoAssignCursor(tx, chosen, this.clock.now());
    return chosen;
  }

  /** Records an assignment made while creating a case (auto-assignment). */
  async recordAutoAssignment(tx: EntityManager, caseId: string, assigneeId: string, at: Date): Promise<void> {
    await this.history.addAssignment(
      { caseId, fromAssigneeId: null, toAssigneeId: assigneeId, method: 'auto', actorId: null, at },
      tx,
    );
    await this.audit.record(
      {
        actorId: null,
        action: 'case.assigned',
        entityType: 'case',
        entityId: caseId,
        details: { from: null, to: assigneeId, method: 'auto' },
      },
      tx,
    );
  }

  /** Who a case can go to: active admins and caseworkers, with their open-case counts. */
  async assignees(): Promise<CaseAssigneeOption[]> {
    const staff = await this.activeStaff(['admin', 'caseworker']);
    const loads = await this.cases.openCounts(staff.map((s) => s.id));
    return staff.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role as 'admin' | 'caseworker',
      openCases: loads.get(s.id) ?? 0,
    }));
  }

  /** A staff user's name for the case page (null when unknown). */
  async nameOf(id: string | null): Promise<string | null> {
    if (!id) return null;
    try {
      return (await this.staff.get(id)).name;
    } catch (error) {
      if (error instanceof NotFoundException) return null;
      throw error;
    }
  }

  private async apply(
    tx: EntityManager,
    current: CaseEntity,
    assignee: StaffUserDto | null,
    method: AssignmentMethod,
    actor: Actor,
  ): Promise<boolean> {
    const to = assignee?.id ?? null;
    if (current.assigneeId === to) return false;
    const now = this.clock.now();
    await this.cases.update(current.id, { assigneeId: to, updatedAt: now }, tx);
    await this.history.addAssignment(
      { caseId: current.id, fromAssigneeId: current.assigneeId, toAssigneeId: to, method, actorId: actor.id, at: now },
      tx,
    );
    await this.audit.record(
      {
        actorId: actor.id,
        ip: actor.ip,
        action: to ? 'case.assigned' : 'case.unassigned',
        entityType: 'case',
        entityId: current.id,
        details: { from: current.assigneeId, to, method, self: to !== null && to === actor.id },
      },
      tx,
    );
    return true;
  }

  /** 400 for anyone who cannot hold cases: unknown, deactivated, or a viewer. */
  private async requireAssignable(id: string, field: string): Promise<StaffUserDto> {
    let user: StaffUserDto;
    try {
      user = await this.staff.get(id);
    } catch (error) {
      if (error instanceof NotFoundException) throw fieldError(field, 'is not a staff user');
      throw error;
    }
    if (!user.active) throw fieldError(field, 'is a deactivated account: cases can only go to active staff');
    if (user.role === 'viewer') throw fieldError(field, 'is a viewer: viewers cannot be assigned cases');
    return user;
  }

  private async activeStaff(roles: ('admin' | 'caseworker')[]): Promise<StaffUserDto[]> {
    const [rows] = await this.staff.list({
      sort: { field: 'createdAt', order: 'ASC' },
      offset: 0,
      limit: MAX_STAFF,
      filter: { role: roles, active: true },
    });
    return rows;
  }
}
