import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValues } from '../sql-values';
import {
  CHANGED_CASES,
  ENGAGEMENT_TABLES,
  engagementSource,
  MONTHLY_COUNTS,
  rollUp,
  rollUpDays,
  UPSERT_FACT,
} from './1700000006000-reports.views';

/**
 * Reports (issue 7): read models kept up to date incrementally by triggers.
 *
 * Why a read model and not indexes on the base tables: the engagement report needs, per contact, the
 * first response (any kind) and the first substantive one, which response answers which contact, the
 * chases sent for it, the MP's party and seat at that date; over a million cases the naive GROUP BY
 * joins five tables and sorts for medians (7 to 44 s at 1M cases). `mp_engagement_facts` holds one row per
 * activity (outbound contact, MP chase sent, meeting, MP action) with its group keys and durations
 * already worked out; but at 1M cases that is 2M rows, and even a range scan of them is too slow
 * (0.3 to 4 s measured), so `mp_engagement_monthly` keeps their counts per month and MP cell (~650
 * rows a month): a report adds whole months of cells to the facts of any part-month at its ends.
 * Medians cannot be added up, but day histograms can: `mp_response_days_monthly` counts answered contacts
 * per month, party, seat's nation and region, and whole days to the first (and first substantive) response
 * (~3,500 rows a month at 1M cases; per MP it would be ~11,000, little fewer than the facts); medians are read off the range's summed histogram,
 * part-months again from the facts. Per MP, medians come from the facts, through a covering partial index.
 *
 * Why triggers and not the domain events: triggers see every write path, including COPY loads, data
 * fixes and other libs' SQL, in the same transaction as the change, so the facts are never behind.
 * They are statement-level with transition tables: a COPY or bulk update refreshes each touched case
 * once, set-based. A refresh recomputes the case's facts from the base tables (cases have a handful of
 * rows), under a per-case advisory lock so concurrent writers to one case apply in order; a chase email
 * going out changes only its own fact. The facts' statement triggers then add or take away their counts
 * in the monthly tables. Bulk loads that turn triggers off (the benchmark generator) call the rebuild functions.
 *
 * `case_topic_days` counts cases per creation day, nation and topic (maintained by row triggers on
 * cases), so topics by nation over any range sums at most a few thousand rows.
 */
export class Reports1700000006000 implements MigrationInterface {
  name = 'Reports1700000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mp_engagement_facts (
        source_id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN (${sqlValues(['contact', 'chase', 'meeting', 'action'])})),
        case_id uuid NOT NULL,
        mp_id integer,
        party text,
        nation text,
        region text,
        -- Europe/London date of the activity, and its month (first day).
        occurred_on date NOT NULL,
        month date NOT NULL,
        -- Contacts: the case's first outbound contact; answered within 28 days; whole days to the first response and to a substantive one.
        first_of_case boolean NOT NULL DEFAULT false,
        responded_in_window boolean NOT NULL DEFAULT false,
        first_response_days integer,
        substantive_days integer,
        -- Actions: the MP action's type.
        action_type text
      )`);
    await q.query(`CREATE INDEX mp_engagement_facts_occurred_idx ON mp_engagement_facts (occurred_on)`);
    // Medians read the answered contacts of a range through this index alone (index-only scan): its entries are in
    // date order, so a year is one run of pages wherever the rows sit. Frequent vacuums keep the visibility map current.
    await q.query(`
      CREATE INDEX mp_engagement_facts_response_days_idx ON mp_engagement_facts (occurred_on)
      INCLUDE (mp_id, party, nation, region, month, first_response_days, substantive_days)
      WHERE kind = 'contact' AND first_response_days IS NOT NULL`);
    await q.query(
      `ALTER TABLE mp_engagement_facts SET (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.02)`,
    );
    await q.query(`CREATE INDEX mp_engagement_facts_case_idx ON mp_engagement_facts (case_id)`);
    await q.query(`CREATE INDEX mp_engagement_facts_mp_idx ON mp_engagement_facts (mp_id)`);

    await q.query(`
      CREATE FUNCTION reports_refresh_engagement(case_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(cardinality(case_ids), 0) = 0 THEN RETURN; END IF;
        IF cardinality(case_ids) > 1000 THEN
          LOCK TABLE mp_engagement_facts IN SHARE ROW EXCLUSIVE MODE;
        ELSE
          PERFORM pg_advisory_xact_lock(hashtextextended('reports:' || id::text, 0)) FROM unnest(case_ids) id ORDER BY id;
        END IF;
        DELETE FROM mp_engagement_facts WHERE case_id = ANY(case_ids);
        INSERT INTO mp_engagement_facts ${engagementSource((column) => `${column} = ANY(case_ids)`)}
        ${UPSERT_FACT};
      END $$`);

    // The facts' counts per month and MP cell (unknowns as 0 and ''), kept by statement triggers on the facts:
    // a year of report reads twelve months of cells (~650 rows each) plus the facts of any part-month at its ends.
    await q.query(`
      CREATE TABLE mp_engagement_monthly (
        month date NOT NULL,
        mp_id integer NOT NULL,
        party text NOT NULL,
        nation text NOT NULL,
        region text NOT NULL,
        ${MONTHLY_COUNTS.map(([c]) => `${c} integer NOT NULL`).join(',\n        ')},
        PRIMARY KEY (month, mp_id, party, nation, region)
      )`);
    await q.query(`
      CREATE TABLE mp_response_days_monthly (
        month date NOT NULL,
        party text NOT NULL,
        nation text NOT NULL,
        region text NOT NULL,
        measure text NOT NULL CHECK (measure IN (${sqlValues(['first', 'substantive'])})),
        days integer NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (month, party, nation, region, measure, days)
      )`);
    await q.query(`
      CREATE FUNCTION reports_roll_up_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${rollUp('old_rows', '-')}; ${rollUpDays('old_rows', '-')}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${rollUp('new_rows', '')}; ${rollUpDays('new_rows', '')}; END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER reports_insert_facts AFTER INSERT ON mp_engagement_facts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_roll_up_facts()`,
    );
    await q.query(
      `CREATE TRIGGER reports_delete_facts AFTER DELETE ON mp_engagement_facts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_roll_up_facts()`,
    );
    await q.query(
      `CREATE TRIGGER reports_update_facts AFTER UPDATE ON mp_engagement_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_roll_up_facts()`,
    );

    await q.query(`
      CREATE FUNCTION reports_rebuild_engagement() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE mp_engagement_facts IN SHARE ROW EXCLUSIVE MODE;
        TRUNCATE mp_engagement_facts, mp_engagement_monthly, mp_response_days_monthly;
        INSERT INTO mp_engagement_facts ${engagementSource(() => 'true')};
      END $$`);

    await q.query(`
      CREATE FUNCTION reports_engagement_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN PERFORM reports_refresh_engagement(${CHANGED_CASES('new_rows')});
        ELSIF TG_OP = 'DELETE' THEN PERFORM reports_refresh_engagement(${CHANGED_CASES('old_rows')});
        ELSE PERFORM reports_refresh_engagement(ARRAY(SELECT case_id FROM old_rows UNION SELECT case_id FROM new_rows));
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ENGAGEMENT_TABLES) await this.statementTriggers(q, table, 'reports_engagement_rows_changed');

    // The outbox changes often (claims, attempts): only an MP chase becoming sent, or no longer sent, matters, and
    // only that email's fact changes. Per email, not per case, so senders of many chases on one case never wait on
    // each other or recompute the case (the outbox fault tests send 1,000 chases a case).
    await q.query(`
      CREATE FUNCTION reports_chases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE email_ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          email_ids := ARRAY(SELECT id FROM new_rows WHERE kind = 'mp_chase' AND status = 'sent');
        ELSIF TG_OP = 'DELETE' THEN
          email_ids := ARRAY(SELECT id FROM old_rows WHERE kind = 'mp_chase' AND status = 'sent');
        ELSE
          email_ids := ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.kind = 'mp_chase' OR o.kind = 'mp_chase')
               AND ((n.status = 'sent') IS DISTINCT FROM (o.status = 'sent') OR n.sent_at IS DISTINCT FROM o.sent_at
                    OR n.case_id <> o.case_id OR n.mp_contact_id IS DISTINCT FROM o.mp_contact_id OR n.kind <> o.kind));
        END IF;
        IF cardinality(email_ids) = 0 THEN RETURN NULL; END IF;
        DELETE FROM mp_engagement_facts WHERE source_id = ANY(email_ids);
        INSERT INTO mp_engagement_facts
        SELECT * FROM (${engagementSource((column) => (column === 'e.case_id' ? 'e.id = ANY(email_ids)' : 'false'))}) chases
        ${UPSERT_FACT};
        RETURN NULL;
      END $$`);
    await this.statementTriggers(q, 'scheduled_emails', 'reports_chases_changed');

    // A case's MP or seat, an MP's party, or a tenure changing moves facts between groups.
    await q.query(`
      CREATE FUNCTION reports_case_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM reports_refresh_engagement(ARRAY[NEW.id]); RETURN NULL; END $$`);
    await q.query(`
      CREATE TRIGGER reports_case_moved AFTER UPDATE ON cases FOR EACH ROW
      WHEN (OLD.mp_id IS DISTINCT FROM NEW.mp_id OR OLD.constituency_gss IS DISTINCT FROM NEW.constituency_gss)
      EXECUTE FUNCTION reports_case_moved()`);
    await q.query(`
      CREATE FUNCTION reports_mp_party_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM reports_refresh_engagement(ARRAY(SELECT DISTINCT case_id FROM mp_engagement_facts WHERE mp_id = NEW.id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER reports_mp_party_changed AFTER UPDATE ON mps FOR EACH ROW
      WHEN (OLD.party IS DISTINCT FROM NEW.party) EXECUTE FUNCTION reports_mp_party_changed()`);
    await q.query(`
      CREATE FUNCTION reports_tenures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM reports_refresh_engagement(ARRAY(SELECT DISTINCT case_id FROM mp_engagement_facts WHERE mp_id IN (SELECT mp_id FROM new_rows)));
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER reports_insert_mp_tenures AFTER INSERT ON mp_tenures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_tenures_changed()`,
    );
    await q.query(
      `CREATE TRIGGER reports_update_mp_tenures AFTER UPDATE ON mp_tenures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_tenures_changed()`,
    );

    // Workload: open cases per assignee with their SLA, and this month's closures, each read from an index alone.
    await q.query(
      `CREATE INDEX reports_cases_open_idx ON cases (assignee_id) INCLUDE (sla_due_at) WHERE status <> 'closed'`,
    );
    await q.query(
      `CREATE INDEX reports_cases_closed_idx ON cases (status_changed_at) INCLUDE (assignee_id, closed_at) WHERE status = 'closed'`,
    );

    await q.query(`
      CREATE TABLE case_topic_days (
        day date NOT NULL,
        nation text NOT NULL,
        topic text NOT NULL,
        cases integer NOT NULL,
        PRIMARY KEY (day, nation, topic)
      )`);
    // nation '' stands for not known (a primary key column cannot be null). Rows are upserted in topic order, so two
    // cases created at once lock their counters in the same order (no deadlock); each lock lasts until its commit.
    await q.query(`
      CREATE FUNCTION reports_count_case_topics(d date, n text, topics text[], delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO case_topic_days (day, nation, topic, cases)
        SELECT d, coalesce(n, ''), t, delta FROM unnest(topics) t ORDER BY t
        ON CONFLICT (day, nation, topic) DO UPDATE SET cases = case_topic_days.cases + EXCLUDED.cases
      $$`);
    await q.query(`
      CREATE FUNCTION reports_case_topics_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM reports_count_case_topics((OLD.created_at AT TIME ZONE 'Europe/London')::date, OLD.nation, OLD.topics, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM reports_count_case_topics((NEW.created_at AT TIME ZONE 'Europe/London')::date, NEW.nation, NEW.topics, 1);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER reports_case_topics_counted AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION reports_case_topics_changed()`,
    );
    await q.query(`
      CREATE TRIGGER reports_case_topics_recounted AFTER UPDATE ON cases FOR EACH ROW
      WHEN (OLD.topics IS DISTINCT FROM NEW.topics OR OLD.nation IS DISTINCT FROM NEW.nation OR OLD.created_at IS DISTINCT FROM NEW.created_at)
      EXECUTE FUNCTION reports_case_topics_changed()`);
    await q.query(`
      CREATE FUNCTION reports_rebuild_case_topics() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE case_topic_days IN SHARE ROW EXCLUSIVE MODE;
        TRUNCATE case_topic_days;
        INSERT INTO case_topic_days (day, nation, topic, cases)
        SELECT (created_at AT TIME ZONE 'Europe/London')::date, coalesce(nation, ''), t, count(*)
          FROM cases, unnest(topics) t GROUP BY 1, 2, 3;
      END $$`);

    // Existing data (a database migrated after cases were recorded).
    await q.query(`SELECT reports_rebuild_engagement()`);
    await q.query(`SELECT reports_rebuild_case_topics()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER reports_case_topics_recounted ON cases`);
    await q.query(`DROP TRIGGER reports_case_topics_counted ON cases`);
    await q.query(`DROP TRIGGER reports_case_moved ON cases`);
    await q.query(`DROP TRIGGER reports_mp_party_changed ON mps`);
    await q.query(`DROP TRIGGER reports_insert_mp_tenures ON mp_tenures`);
    await q.query(`DROP TRIGGER reports_update_mp_tenures ON mp_tenures`);
    for (const table of [...ENGAGEMENT_TABLES, 'scheduled_emails']) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER reports_${op}_${table} ON ${table}`);
    }
    await q.query(`DROP INDEX reports_cases_closed_idx`);
    await q.query(`DROP INDEX reports_cases_open_idx`);
    await q.query(`DROP TABLE case_topic_days`);
    await q.query(`DROP TABLE mp_engagement_facts`);
    await q.query(`DROP TABLE mp_engagement_monthly`);
    await q.query(`DROP TABLE mp_response_days_monthly`);
    for (const fn of [
      'reports_rebuild_case_topics()',
      'reports_case_topics_changed()',
      'reports_count_case_topics(date, text, text[], integer)',
      'reports_tenures_changed()',
      'reports_mp_party_changed()',
      'reports_case_moved()',
      'reports_chases_changed()',
      'reports_engagement_rows_changed()',
      'reports_rebuild_engagement()',
      'reports_roll_up_facts()',
      'reports_refresh_engagement(uuid[])',
    ]) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    }
  }

  private async statementTriggers(q: QueryRunner, table: string, fn: string): Promise<void> {
    await q.query(
      `CREATE TRIGGER reports_insert_${table} AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    );
    await q.query(
      `CREATE TRIGGER reports_update_${table} AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    );
    await q.query(
      `CREATE TRIGGER reports_delete_${table} AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    );
  }
}
