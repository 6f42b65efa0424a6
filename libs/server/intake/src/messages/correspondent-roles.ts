import { Injectable } from '@nestjs/common';
import type { CorrespondentRole, MessageDirection } from '@campaign-desk/contracts';
import { AppConfig } from '@campaign-desk/server-core';
import { DirectoryService } from '@campaign-desk/server-directory';
import { SupportersService } from '@campaign-desk/server-supporters';

/** Says who an address is, by role. */
export type RoleOf = (
  address: string | null | undefined,
  direction?: MessageDirection,
  isSender?: boolean,
) => CorrespondentRole;

/**
 * Labels the people on messages by role ("supporter", "MP's office", the charity, "unknown sender"):
 * what viewers see in place of names and addresses. Two lookups for a page of messages.
 */
@Injectable()
export class CorrespondentRoles {
  private readonly charity: Set<string>;

  constructor(
    config: AppConfig,
    private readonly supporters: SupportersService,
    private readonly directory: DirectoryService,
  ) {
    const from = /<([^>]+)>/.exec(config.MAIL_FROM)?.[1] ?? config.MAIL_FROM;
    this.charity = new Set([config.TEAM_MAILBOX, from].map((a) => a.trim().toLowerCase()));
  }

  async forAddresses(addresses: (string | null | undefined)[]): Promise<RoleOf> {
    const known = [...new Set(addresses.filter((a): a is string => !!a).map((a) => a.trim().toLowerCase()))].filter(
      (a) => !this.charity.has(a),
    );
    const [supporters, mps] = known.length
      ? await Promise.all([this.supporters.supporterAddresses(known), this.directory.mpAddresses(known)])
      : [new Set<string>(), new Set<string>()];
    return (address, direction, isSender) => {
      if (direction === 'out' && isSender) return 'charity';
      const a = address?.trim().toLowerCase();
      if (!a) return 'unknown';
      if (this.charity.has(a)) return 'charity';
      if (supporters.has(a)) return 'supporter';
      if (mps.has(a)) return 'mp_office';
      return 'unknown';
    };
  }
}
