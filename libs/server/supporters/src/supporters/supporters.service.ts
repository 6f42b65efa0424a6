import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  CONSENT_KEYS,
  type ConsentChangeDto,
  type PostcodeLookupResult,
  type SupporterDto,
  type SupporterFilterField,
  type SupporterSortField,
  type SupporterSummaryDto,
  type Actor,
  type StaffActor,
} from '@campaign-desk/contracts';
import {
  Clock,
  DomainEvents,
  fieldError,
  flagFilter,
  type ListQuery,
  textFilter,
  textsFilter,
  UUID,
  uuidsFilter,
} from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { DirectoryService } from '@campaign-desk/server-directory';
import type { EntityManager } from 'typeorm';
import type { ConsentsDto, CreateSupporterDto, UpdateSupporterDto } from './supporter.dto';
import { normaliseEmail, normaliseUkPhone, optionalText, tidyName } from './supporter-fields';
import { CONSENT_COLUMNS, type StoredCandidate, type SupporterEntity } from './supporter.entity';
import { toSupporterDto, toSupporterSummary } from './supporter.mapper';
import { SupportersRepository, type SupporterListFilter } from './supporters.repository';
import { consentChangesOf } from '../consents/consent-changes';
import { ConsentHistoryRepository } from '../consents/consent-history.repository';
import { ConsentHistoryService } from '../consents/consent-history.service';

@Injectable()
export class SupportersService {
  constructor(
    private readonly repo: SupportersRepository,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly consentRows: ConsentHistoryRepository,
    private readonly consentHistory: ConsentHistoryService,
  ) {}

  async list(
    query: ListQuery<SupporterFilterField, SupporterSortField>,
    view: 'full' | 'summary',
  ): Promise<[(SupporterDto | SupporterSummaryDto)[], number]> {
    const [rows, total] = await this.repo.list(listFilter(query.filter), query);
    return [
      rows.map((s) => (view === 'full' ? toSupporterDto(s, this.directory) : toSupporterSummary(s, this.directory))),
      total,
    ];
  }

  /** `GET /api/supporters`: staff get full records, viewers summaries; one audit event names every id returned. */
  async listFor(
    query: ListQuery<SupporterFilterField, SupporterSortField>,
    reader: StaffActor,
  ): Promise<[(SupporterDto | SupporterSummaryDto)[], number]> {
    const view = reader.user.role === 'viewer' ? 'summary' : 'full';
    const [rows, total] = await this.list(query, view);
    await this.audit.recordRead(reader, {
      action: 'supporter.list_read',
      entityType: 'supporter',
      ids: rows.map((r) => r.id),
      redacted: view === 'summary',
    });
    return [rows, total];
  }

  /** `GET /api/supporters/:id`, audited. */
  async read(id: string, reader: StaffActor): Promise<SupporterDto | SupporterSummaryDto> {
    const view = reader.user.role === 'viewer' ? 'summary' : 'full';
    const supporter = await this.get(id, view);
    await this.audit.recordRead(reader, {
      action: 'supporter.read',
      entityType: 'supporter',
      id: supporter.id,
      redacted: view === 'summary',
    });
    return supporter;
  }

  /** A supporter for another lib's work (unaudited: the caller's own action is the record). */
  async get(id: string, view: 'full' | 'summary'): Promise<SupporterDto | SupporterSummaryDto> {
    const supporter = await this.load(id);
    return view === 'full' ? toSupporterDto(supporter, this.directory) : toSupporterSummary(supporter, this.directory);
  }

  /** The live supporter an email belongs to, following merges (for intake's "suggested supporter"). */
  async findByEmail(email: string): Promise<SupporterDto | null> {
    const id = await this.repo.findLiveIdByEmail(normaliseEmail(email));
    return id ? toSupporterDto(await this.load(id), this.directory) : null;
  }

  /** For intake's role labels: which of these addresses are a supporter's (compared as supporters' emails are). */
  async supporterAddresses(addresses: string[]): Promise<Set<string>> {
    const known = await this.repo.knownEmails([...new Set(addresses.map(normaliseEmail))]);
    return new Set(addresses.filter((a) => known.has(normaliseEmail(a))));
  }

  async create(input: CreateSupporterDto, actor: Actor): Promise<SupporterDto> {
    const name = tidyName(input.name);
    if (!name) throw fieldError('name', 'is required');
    const email = input.email.trim();
    const emailNormalised = normaliseEmail(email);
    const lookup = await this.directory.lookupAddress(input.postcode);
    const onHold = input.onHold ?? false;
    const onHoldReason = optionalText(input.onHoldReason) ?? null;
    if (onHold && !onHoldReason) throw fieldError('onHoldReason', 'is required when onHold is true');
    const now = this.clock.now();
    const values: Partial<SupporterEntity> = {
      name,
      email,
      emailNormalised,
      phone: input.phone ? normaliseUkPhone(input.phone) : null,
      address: optionalText(input.address) ?? null,
      ...this.constituencyFields(lookup, input.constituencyOverride ?? null),
      ...consentFields(input.consents, null, actor, now),
      onHold,
      onHoldReason: onHold ? onHoldReason : null,
    };
    const created = await this.repo.transaction(async (tx) => {
      await this.repo.lockDuplicateKeys(tx, emailNormalised, `${name.toLowerCase()}|${lookup.postcode}`);
      const duplicate = await this.findDuplicate(emailNormalised, name, lookup.postcode, tx);
      if (duplicate && !input.createAnyway) {
        throw new ConflictException({
          message:
            duplicate.matchedOn === 'email'
              ? 'A supporter with this email already exists'
              : 'A supporter with this name and postcode already exists',
          existingId: duplicate.id,
          matchedOn: duplicate.matchedOn,
          fields:
            duplicate.matchedOn === 'email'
              ? { email: 'matches an existing supporter' }
              : { name: 'matches an existing supporter at this postcode' },
        });
      }
      const supporter = await this.repo.insert(values, tx);
      await this.consentRows.insertMany(
        tx,
        consentChangesOf(supporter.id, null, values, { ...consentHow(input, actor), at: now }),
      );
      await this.audit.record(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: 'supporter.created',
          entityType: 'supporter',
          entityId: supporter.id,
          details: {
            constituencyId: supporter.constituencyGss,
            method: supporter.constituencyMethod,
            ...(duplicate ? { createdDespiteDuplicateOf: duplicate.id } : {}),
          },
        },
        tx,
      );
      return supporter;
    });
    return toSupporterDto(created, this.directory);
  }

  async update(id: string, input: UpdateSupporterDto, actor: Actor): Promise<SupporterDto> {
    const current = await this.loadLive(id);
    const changes: Partial<SupporterEntity> = {};
    if (input.name !== undefined) {
      const name = tidyName(input.name);
      if (!name) throw fieldError('name', 'is required');
      if (name !== current.name) changes.name = name;
    }
    if (input.email !== undefined && input.email.trim() !== current.email) {
      changes.email = input.email.trim();
      changes.emailNormalised = normaliseEmail(changes.email);
    }
    if (input.phone !== undefined) {
      const phone = input.phone ? normaliseUkPhone(input.phone) : null;
      if (phone !== current.phone) changes.phone = phone;
    }
    if (input.address !== undefined) {
      const address = optionalText(input.address) ?? null;
      if (address !== current.address) changes.address = address;
    }
    Object.assign(changes, await this.constituencyChanges(current, input));
    const now = this.clock.now();
    Object.assign(changes, consentFields(input.consents, current, actor, now));
    const onHold = input.onHold ?? current.onHold;
    const onHoldReason =
      input.onHoldReason !== undefined ? (optionalText(input.onHoldReason) ?? null) : current.onHoldReason;
    if (onHold && !onHoldReason) throw fieldError('onHoldReason', 'is required when onHold is true');
    if (onHold !== current.onHold) changes.onHold = onHold;
    if ((onHold ? onHoldReason : null) !== current.onHoldReason) changes.onHoldReason = onHold ? onHoldReason : null;

    const fields = Object.keys(changes).filter((k) => !/(At|By)$/.test(k) && k !== 'emailNormalised');
    if (!Object.keys(changes).length) return toSupporterDto(current, this.directory);
    await this.repo.transaction(async (tx) => {
      await this.repo.update(id, changes, tx);
      await this.consentRows.insertMany(
        tx,
        consentChangesOf(id, current, changes, { ...consentHow(input, actor), at: now }),
      );
      await this.audit.record(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: 'supporter.updated',
          entityType: 'supporter',
          entityId: id,
          details: { fields },
        },
        tx,
      );
      await publishContactPaused(this.events, current, changes, actor, tx);
    });
    return toSupporterDto(await this.load(id), this.directory);
  }

  /**
   * Soft delete: the row stays (cases will point at it) but leaves every list and duplicate check, and all
   * contact stops: every pending email to or about them and their cases is cancelled in the same transaction
   * (correspondence subscribes), and the sender refuses anything later.
   */
  async remove(id: string, actor: Actor): Promise<SupporterDto> {
    await this.loadLive(id);
    await this.repo.transaction(async (tx) => {
      await this.blockContactIn(tx, id, actor);
      await this.audit.record(
        { actorId: actor.id, ip: actor.ip, action: 'supporter.deleted', entityType: 'supporter', entityId: id },
        tx,
      );
    });
    return toSupporterDto(await this.load(id), this.directory);
  }

  /**
   * For deleting and erasing (the privacy lib calls it in its own transaction): marks the supporter deleted
   * (if not already) and stops every pending email of theirs. Idempotent.
   */
  async blockContactIn(tx: EntityManager, id: string, actor: Actor): Promise<void> {
    const current = await this.repo.findById(id, tx);
    if (!current) throw new NotFoundException('Supporter not found');
    if (!current.deletedAt) await this.repo.update(id, { deletedAt: this.clock.now() }, tx);
    await this.events.publish(
      'supporter.contact_paused',
      { supporterId: id, actorId: actor.id, reason: 'deleted' },
      tx,
    );
  }

  /** Every change of the supporter's consents, newest first (merged and deleted records too). */
  async consentHistoryOf(id: string): Promise<ConsentChangeDto[]> {
    await this.load(id);
    return this.consentHistory.historyOf(id);
  }

  private async findDuplicate(emailNormalised: string, name: string, postcode: string, tx: EntityManager) {
    const byEmail = await this.repo.findLiveIdByEmail(emailNormalised, tx);
    if (byEmail) return { id: byEmail, matchedOn: 'email' as const };
    const byName = await this.repo.findLiveIdByNameAndPostcode(name, postcode, tx);
    return byName ? { id: byName, matchedOn: 'name_and_postcode' as const } : null;
  }

  /**
   * The constituency follows the postcode. A staff override survives edits that keep the postcode;
   * a new postcode clears it unless the same request sets a different one (react-admin sends the
   * old override back with every save, so "unchanged" means "not chosen for the new address").
   */
  private async constituencyChanges(
    current: SupporterEntity,
    input: UpdateSupporterDto,
  ): Promise<Partial<SupporterEntity>> {
    if (input.postcode === undefined && input.constituencyOverride === undefined) return {};
    const lookup = await this.directory.lookupAddress(input.postcode ?? current.postcode);
    const previousOverride = current.constituencyOverridden ? current.constituencyGss : null;
    const postcodeChanged = lookup.postcode !== current.postcode;
    let override = input.constituencyOverride === undefined ? previousOverride : input.constituencyOverride;
    if (postcodeChanged && override === previousOverride) override = null;
    const next = this.constituencyFields(lookup, override);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
    );
    return Object.fromEntries(changed.map((k) => [k, next[k]]));
  }

  private constituencyFields(lookup: PostcodeLookupResult, override: string | null) {
    if (override !== null && !this.directory.constituency(override))
      throw fieldError('constituencyOverride', 'is not a known constituency');
    const candidates: StoredCandidate[] = lookup.candidates.map((c) => ({ gss: c.constituency.id, share: c.share }));
    return {
      postcode: lookup.postcode,
      constituencyGss: override ?? lookup.constituency?.id ?? null,
      constituencyMethod: lookup.method,
      constituencyOverridden: override !== null,
      constituencyCandidates: candidates,
    };
  }

  private async load(id: string): Promise<SupporterEntity> {
    const supporter = UUID.test(id) ? await this.repo.findById(id) : null;
    if (!supporter) throw new NotFoundException('Supporter not found');
    return supporter;
  }

  private async loadLive(id: string): Promise<SupporterEntity> {
    const supporter = await this.load(id);
    if (supporter.mergedIntoId)
      throw new ConflictException({
        message: 'This supporter was merged into another record',
        mergedIntoId: supporter.mergedIntoId,
      });
    if (supporter.deletedAt) throw new ConflictException('This supporter has been deleted');
    return supporter;
  }
}

/** Going on hold or withdrawing email consent stops pending automated contact (correspondence subscribes). */
export async function publishContactPaused(
  events: DomainEvents,
  before: SupporterEntity,
  changes: Partial<SupporterEntity>,
  actor: Actor,
  tx: EntityManager,
) {
  const base = { supporterId: before.id, actorId: actor.id };
  if (changes.onHold === true && !before.onHold)
    await events.publish('supporter.contact_paused', { ...base, reason: 'on_hold' }, tx);
  if (changes.consentContactByEmail === false && before.consentContactByEmail) {
    await events.publish(
      'supporter.contact_paused',
      { ...base, reason: 'consent_withdrawn', consent: 'contactByEmail' },
      tx,
    );
  }
  if (changes.consentShareWithMp === false && before.consentShareWithMp) {
    await events.publish(
      'supporter.contact_paused',
      { ...base, reason: 'consent_withdrawn', consent: 'shareWithMp' },
      tx,
    );
  }
}

/** Who recorded a request's consents, how, and against which wording. */
function consentHow(input: Pick<CreateSupporterDto, 'consentMethod' | 'consentWordingVersion'>, actor: Actor) {
  return { by: actor.id ?? null, method: input.consentMethod, wordingVersion: input.consentWordingVersion ?? null };
}

/** Sets value, when and who for each consent the input gives that differs from what is stored. */
function consentFields(
  input: ConsentsDto | undefined,
  current: SupporterEntity | null,
  actor: Actor,
  now: Date,
): Partial<SupporterEntity> {
  const out: Record<string, unknown> = {};
  for (const key of CONSENT_KEYS) {
    const value = input?.[key];
    const c = CONSENT_COLUMNS[key];
    if (value === undefined || (current && current[c.value] === value)) continue;
    Object.assign(out, { [c.value]: value, [c.at]: now, [c.by]: actor.id });
  }
  return out as Partial<SupporterEntity>;
}

/** Viewers never get here with `q` (their list spec refuses it: a search would say who is a supporter). */
function listFilter(filter: ListQuery<SupporterFilterField, SupporterSortField>['filter']): SupporterListFilter {
  const out: SupporterListFilter = {
    ids: uuidsFilter(filter, 'id'),
    q: textFilter(filter, 'q'),
    constituencyIds: textsFilter(filter, 'constituencyId', /^[EWSN][0-9]{8}$/, 'a GSS code like E14001290'),
    onHold: flagFilter(filter, 'onHold'),
  };
  for (const key of ['consentContactByEmail', 'consentShareWithMp', 'consentShareWithTrust', 'consentMedia'] as const) {
    const value = flagFilter(filter, key);
    if (value !== undefined) out.consents = { ...out.consents, [key]: value };
  }
  return out;
}
