import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** The `install_settings` table: one text value per key, written once. */
@Injectable()
export class InstallSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(key: string, tx?: EntityManager): Promise<string | null> {
    const rows: { value: string }[] = await (tx ?? this.dataSource).query(
      `SELECT value FROM install_settings WHERE key = $1`,
      [key],
    );
    return rows[0]?.value ?? null;
  }

  /** Writes the value unless the key has one; answers the value that is stored either way. */
  async putIfAbsent(key: string, value: string, tx?: EntityManager): Promise<string> {
    const runner = tx ?? this.dataSource;
    await runner.query(`INSERT INTO install_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
      key,
      value,
    ]);
    const rows: { value: string }[] = await runner.query(`SELECT value FROM install_settings WHERE key = $1`, [key]);
    return rows[0].value;
  }

  /** Rows in each of these tables (names checked: letters and underscores only). */
  async rowCounts(tables: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of tables) {
      if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
      const [row]: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      out[table] = row.n;
    }
    return out;
  }
}
