/**
 * Value lists of enum CHECK constraints, for migrations.
 *
 * A migration is a snapshot: it lists an enum's values literally, as they were when it was written, and never
 * imports the contracts array (which grows). So adding a value to a contracts enum changes no old migration, and
 * `test/integration/db-enums.int-spec.ts` fails until a new migration widens the constraint.
 *
 * A new migration copies the contracts array as it is that day into a literal, and names its constraint
 * `<table>_<column>_check` (what Postgres itself names a column check, and what the API's error filter reads
 * the field from). Widening `letters.status` to the contracts' `['draft', 'sent', 'withdrawn']`:
 *
 * ```ts
 * await q.query(`ALTER TABLE letters DROP CONSTRAINT letters_status_check,
 *   ADD ${enumCheck('letters', 'status', ['draft', 'sent', 'withdrawn'])}`);
 * // … ADD CONSTRAINT letters_status_check CHECK (status IN ('draft', 'sent', 'withdrawn'))
 * ```
 * Then add the constraint (if new) to ENUM_CONSTRAINTS in `enum-constraints.ts`.
 */
export function sqlValues(values: readonly string[]): string {
  return values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
}

/** A named CHECK that `column` holds one of `values` (or, for a text[] column, only those values). */
export function enumCheck(
  table: string,
  column: string,
  values: readonly string[],
  { array = false }: { array?: boolean } = {},
): string {
  const condition = array ? `${column} <@ ARRAY[${sqlValues(values)}]::text[]` : `${column} IN (${sqlValues(values)})`;
  return `CONSTRAINT ${table}_${column}_check CHECK (${condition})`;
}
