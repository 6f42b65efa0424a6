import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValues } from '../sql-values';

const CONSENTS = ['contact_by_email', 'share_with_mp', 'share_with_trust', 'media'];

/** Constituencies, MPs with tenure history, the postcode lookup tables, and supporters. */
export class DirectorySupporters1700000001000 implements MigrationInterface {
  name = 'DirectorySupporters1700000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE constituencies (
        gss_code text PRIMARY KEY CHECK (gss_code ~ '^[EWSN][0-9]{8}$'),
        name text NOT NULL,
        name_cy text,
        nation text NOT NULL CHECK (nation IN (${sqlValues(['England', 'Scotland', 'Wales', 'Northern Ireland'])})),
        region text NOT NULL,
        region_code text,
        constituency_type text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX constituencies_name_idx ON constituencies (lower(name))`);
    await q.query(`CREATE INDEX constituencies_nation_idx ON constituencies (nation, lower(name))`);
    await q.query(`CREATE INDEX constituencies_region_idx ON constituencies (region, lower(name))`);

    // id is the UK Parliament member id: stable across names, titles and parties.
    await q.query(`
      CREATE TABLE mps (
        id integer PRIMARY KEY,
        name text NOT NULL,
        full_title text,
        party text NOT NULL,
        email citext,
        twfy_person_id integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mps_name_idx ON mps (lower(name))`);
    await q.query(`CREATE INDEX mps_party_idx ON mps (party, lower(name))`);

    // One row per MP per seat per party: a by-election or a defection ends a row and starts another.
    await q.query(`
      CREATE TABLE mp_tenures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        mp_id integer NOT NULL REFERENCES mps(id),
        constituency_gss text NOT NULL REFERENCES constituencies(gss_code),
        party text NOT NULL,
        start_date date,
        end_date date,
        end_reason text CHECK (end_reason IN (${sqlValues(['replaced', 'party_change', 'vacated'])})),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((end_date IS NULL) = (end_reason IS NULL)),
        CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX mp_tenures_current_per_seat ON mp_tenures (constituency_gss) WHERE end_date IS NULL`,
    );
    await q.query(`CREATE INDEX mp_tenures_mp_idx ON mp_tenures (mp_id, start_date DESC)`);
    await q.query(`CREATE INDEX mp_tenures_constituency_idx ON mp_tenures (constituency_gss, start_date DESC)`);

    // mySociety's range lookup, decoded: each row starts a run of postcodes (base-36 of the unspaced postcode).
    await q.query(`
      CREATE TABLE postcode_ranges (
        start_key bigint PRIMARY KEY,
        constituency_gss text REFERENCES constituencies(gss_code)
      )`);
    for (const table of ['postcode_sectors', 'postcode_districts']) {
      const key = table === 'postcode_sectors' ? 'sector' : 'district';
      await q.query(`
        CREATE TABLE ${table} (
          ${key} text NOT NULL,
          constituency_gss text NOT NULL REFERENCES constituencies(gss_code),
          n_postcodes integer NOT NULL CHECK (n_postcodes >= 0),
          share numeric(5, 4) NOT NULL CHECK (share >= 0 AND share <= 1),
          rank smallint NOT NULL,
          PRIMARY KEY (${key}, constituency_gss)
        )`);
    }
    // What each import loaded, so a re-run skips unchanged datasets and running processes notice changes.
    await q.query(`
      CREATE TABLE directory_datasets (
        name text PRIMARY KEY,
        content_hash text NOT NULL,
        row_count integer NOT NULL,
        source text NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT now(),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);

    const consentColumns = CONSENTS.map(
      (c) => `consent_${c} boolean NOT NULL DEFAULT false,
        consent_${c}_at timestamptz,
        consent_${c}_by uuid REFERENCES staff_users(id),`,
    ).join('\n        ');
    await q.query(`
      CREATE TABLE supporters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email citext NOT NULL,
        email_normalised text NOT NULL,
        phone text,
        address text,
        postcode text,
        constituency_gss text REFERENCES constituencies(gss_code),
        constituency_method text CHECK (constituency_method IN (${sqlValues(['exact', 'sector', 'district', 'online', 'not_covered'])})),
        constituency_overridden boolean NOT NULL DEFAULT false,
        constituency_candidates jsonb NOT NULL DEFAULT '[]'::jsonb,
        ${consentColumns}
        on_hold boolean NOT NULL DEFAULT false,
        on_hold_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        merged_into_id uuid REFERENCES supporters(id),
        search_text text GENERATED ALWAYS AS (
          lower(name) || ' ' || lower(email::text) || ' ' || lower(coalesce(postcode, '')) || ' ' || lower(replace(coalesce(postcode, ''), ' ', ''))
        ) STORED,
        CHECK (merged_into_id IS NULL OR deleted_at IS NOT NULL),
        CHECK (merged_into_id <> id),
        CHECK (NOT constituency_overridden OR constituency_gss IS NOT NULL)
      )`);
    const live = 'WHERE deleted_at IS NULL';
    // Not partial: a merged record's email still leads to the record it was merged into.
    await q.query(`CREATE INDEX supporters_email_normalised_idx ON supporters (email_normalised)`);
    await q.query(`CREATE INDEX supporters_name_postcode_idx ON supporters (lower(name), postcode) ${live}`);
    await q.query(`CREATE INDEX supporters_name_sort_idx ON supporters (lower(name), id) ${live}`);
    await q.query(`CREATE INDEX supporters_created_sort_idx ON supporters (created_at, id) ${live}`);
    await q.query(`CREATE INDEX supporters_postcode_sort_idx ON supporters (postcode, id) ${live}`);
    await q.query(`CREATE INDEX supporters_constituency_idx ON supporters (constituency_gss, lower(name)) ${live}`);
    await q.query(`CREATE INDEX supporters_on_hold_idx ON supporters (on_hold, lower(name)) ${live}`);
    for (const c of CONSENTS) {
      await q.query(`CREATE INDEX supporters_consent_${c}_idx ON supporters (consent_${c}, lower(name)) ${live}`);
    }
    await q.query(`CREATE INDEX supporters_search_idx ON supporters USING gin (search_text gin_trgm_ops) ${live}`);
    await q.query(
      `CREATE INDEX supporters_merged_into_idx ON supporters (merged_into_id) WHERE merged_into_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supporters`);
    await q.query(`DROP TABLE directory_datasets`);
    await q.query(`DROP TABLE postcode_districts`);
    await q.query(`DROP TABLE postcode_sectors`);
    await q.query(`DROP TABLE postcode_ranges`);
    await q.query(`DROP TABLE mp_tenures`);
    await q.query(`DROP TABLE mps`);
    await q.query(`DROP TABLE constituencies`);
  }
}
