import { Injectable, Module } from '@nestjs/common';

/**
 * Addresses that are a party to a case, from another lib's records (engagement: the offices of the
 * MPs the case has been in contact with). The `[CD-n]` resolver files mail from them by reference.
 * A lib implements one in a provider and registers it at start:
 *
 *   onModuleInit() { this.parties.register(this); }
 */
export interface CasePartySource {
  addresses(caseId: string): Promise<string[]>;
}

/** The registered party sources (one instance per process: CasesCoreModule and CasesIntakeModule share it). */
@Injectable()
export class CasePartySources {
  private readonly sources: CasePartySource[] = [];

  register(source: CasePartySource): void {
    this.sources.push(source);
  }

  async addresses(caseId: string): Promise<string[]> {
    return (await Promise.all(this.sources.map((s) => s.addresses(caseId)))).flat();
  }
}

@Module({ providers: [CasePartySources], exports: [CasePartySources] })
export class CasePartiesModule {}
