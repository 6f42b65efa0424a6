import type { Client } from 'pg';

export interface CheckConstraint {
  table: string;
  name: string;
  definition: string;
}

export interface EnumCheck {
  column: string;
  values: string[];
}

/** The CHECK constraints of the application's tables, as Postgres prints them back (`pg_get_constraintdef`). */
export async function readCheckConstraints(db: Client): Promise<CheckConstraint[]> {
  const { rows } = await db.query<CheckConstraint>(`
    SELECT rel.relname AS "table", con.conname AS name, pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
     WHERE con.contype = 'c' AND con.connamespace = 'public'::regnamespace
     ORDER BY rel.relname, con.conname`);
  return rows;
}

const LITERAL = /'((?:[^']|'')*)'::[a-z ]+/g;
const literals = (list: string) => [...list.matchAll(LITERAL)].map(([, value]) => value.replace(/''/g, "'"));

/**
 * The column and value list of an enum-like check, or null for any other check. Postgres prints
 * `c IN ('a', 'b')` as `c = ANY (ARRAY['a'::text, 'b'::text])`, `c <@ ARRAY[...]` as it is, and a one-value
 * `c IN ('a')` as `c = 'a'::text`.
 */
export function parseEnumCheck(definition: string): EnumCheck | null {
  const any = /\(*"?(\w+)"?\)?(?:::\w+)? (?:= ANY \(\(?|<@ \(?)ARRAY\[([^\]]*)\]/.exec(definition);
  if (any) return { column: any[1], values: literals(any[2]) };
  const single = /^CHECK \(\("?(\w+)"? = ('(?:[^']|'')*'::text)\)\)$/.exec(definition);
  if (single) return { column: single[1], values: literals(single[2]) };
  return null;
}

/**
 * What differs between the database's enum checks and the mapping (constraint name → contracts enum): one line per
 * constraint naming each missing and extra value, each enum check the mapping does not cover, and each mapped
 * constraint the database lacks.
 */
export function enumConstraintProblems(
  constraints: CheckConstraint[],
  mapping: Readonly<Record<string, readonly string[]>>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { table, name, definition } of constraints) {
    const check = parseEnumCheck(definition);
    if (!check) continue;
    seen.add(name);
    const expected = mapping[name];
    const where = `${name} (${table}.${check.column})`;
    if (!expected) {
      problems.push(`${where}: an enum check the mapping does not cover; add it to ENUM_CONSTRAINTS: ${definition}`);
      continue;
    }
    const missing = expected.filter((value) => !check.values.includes(value));
    const extra = check.values.filter((value) => !expected.includes(value));
    if (missing.length)
      problems.push(
        `${where}: the database is missing ${missing.map((v) => `'${v}'`).join(', ')} (in the contracts enum; a new migration must widen the constraint)`,
      );
    if (extra.length)
      problems.push(
        `${where}: the database has extra ${extra.map((v) => `'${v}'`).join(', ')} (not in the contracts enum)`,
      );
  }
  for (const name of Object.keys(mapping)) {
    if (!seen.has(name)) problems.push(`${name}: mapped in ENUM_CONSTRAINTS but no such enum check in the database`);
  }
  return problems;
}
