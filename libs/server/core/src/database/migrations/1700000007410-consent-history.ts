import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheck } from '../sql-values';

const CONSENT_KEYS = ['contactByEmail', 'shareWithMp', 'shareWithTrust', 'media'];
const CONSENT_METHODS = ['staff_entry', 'online_form', 'email', 'phone', 'letter', 'in_person'];
const COLUMNS: Record<string, string> = {
  contactByEmail: 'consent_contact_by_email',
  shareWithMp: 'consent_share_with_mp',
  shareWithTrust: 'consent_share_with_trust',
  media: 'consent_media',
};

/**
 * Consent history (issue 12, DESIGN §10.5): every change of a supporter's consent is a row (old → new, who,
 * how, wording version), written in the same transaction as the change. Each consent already on record is
 * carried over as its first row (old value unknown, method `staff_entry`).
 */
export class ConsentHistory1700000007410 implements MigrationInterface {
  name = 'ConsentHistory1700000007410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consent_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supporter_id uuid NOT NULL REFERENCES supporters(id),
        consent text NOT NULL,
        ${enumCheck('consent_changes', 'consent', CONSENT_KEYS)},
        old_value boolean,
        new_value boolean NOT NULL,
        changed_by uuid REFERENCES staff_users(id),
        method text NOT NULL DEFAULT 'staff_entry',
        ${enumCheck('consent_changes', 'method', CONSENT_METHODS)},
        wording_version text CHECK (length(wording_version) <= 100),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consent_changes_supporter_idx ON consent_changes (supporter_id, at DESC)`);
    for (const key of CONSENT_KEYS) {
      const c = COLUMNS[key];
      await q.query(
        `INSERT INTO consent_changes (supporter_id, consent, old_value, new_value, changed_by, method, at)
         SELECT id, $1, NULL, ${c}, ${c}_by, 'staff_entry', ${c}_at FROM supporters WHERE ${c}_at IS NOT NULL`,
        [key],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consent_changes`);
  }
}
