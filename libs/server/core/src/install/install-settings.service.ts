import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InstallSettingsRepository } from './install-settings.repository';

/** Keys of `install_settings`, declared here so no two features share one by accident. */
export const INSTALL_SETTING_KEYS = ['checkin_link_secret', 'demo_seed'] as const;
export type InstallSettingKey = (typeof INSTALL_SETTING_KEYS)[number];

/**
 * Facts about this installation kept in the database, so the API, the worker and the command line
 * agree on them: written once, never changed (a generated secret, the demo seed's marker).
 */
@Injectable()
export class InstallSettings {
  /** A value once written never changes, so it is kept; an absent one is asked for again each time. */
  private readonly found = new Map<InstallSettingKey, string>();

  constructor(private readonly repo: InstallSettingsRepository) {}

  async get(key: InstallSettingKey, tx?: EntityManager): Promise<string | null> {
    const known = this.found.get(key);
    if (known !== undefined) return known;
    const value = await this.repo.get(key, tx);
    if (value !== null && !tx) this.found.set(key, value);
    return value;
  }

  /** The stored value, or `make()`'s, stored now; concurrent callers all get the first one written. */
  async getOrCreate(key: InstallSettingKey, make: () => string, tx?: EntityManager): Promise<string> {
    const value = (await this.repo.get(key, tx)) ?? (await this.repo.putIfAbsent(key, make(), tx));
    // Inside a transaction the row may yet roll back: remember it only when written outside one.
    if (!tx) this.found.set(key, value);
    return value;
  }

  /** How many rows each table holds: how the demo seed tells an empty database from one in use. */
  rowCounts(tables: readonly string[]): Promise<Record<string, number>> {
    return this.repo.rowCounts(tables);
  }
}
