import { ENUM_CONSTRAINTS } from '@campaign-desk/server-core';
import {
  enumConstraintProblems,
  parseEnumCheck,
  readCheckConstraints,
  type CheckConstraint,
} from '../support/db-enums';
import { createTestDatabase, withDb } from '../support/test-database';

describe('enum constraints of the migrated database equal the contracts enums', () => {
  let constraints: CheckConstraint[];

  beforeAll(async () => {
    constraints = await withDb(await createTestDatabase(), readCheckConstraints);
  });

  it('has every enum check mapped, every mapped constraint present, and the same values', () => {
    const problems = enumConstraintProblems(constraints, ENUM_CONSTRAINTS);
    if (problems.length) throw new Error(`Enum constraints differ from the contracts:\n  ${problems.join('\n  ')}`);
  });

  it('finds the enum checks among the others', () => {
    const enumChecks = constraints.filter((c) => parseEnumCheck(c.definition));
    expect(enumChecks.map((c) => c.name).sort()).toEqual(Object.keys(ENUM_CONSTRAINTS).sort());
    const lengthCheck = constraints.find((c) => c.name === 'supporters_name_check');
    expect(lengthCheck && parseEnumCheck(lengthCheck.definition)).toBeNull();
  });
});

describe('the enum constraint comparison', () => {
  const check = (name: string, definition: string): CheckConstraint => ({ table: 't', name, definition });

  it('reads the three forms Postgres prints', () => {
    expect(parseEnumCheck(`CHECK ((kind = ANY (ARRAY['a'::text, 'b c'::text, 'it''s'::text])))`)).toEqual({
      column: 'kind',
      values: ['a', 'b c', "it's"],
    });
    expect(parseEnumCheck(`CHECK ((topics <@ ARRAY['x'::text, 'y'::text]))`)).toEqual({
      column: 'topics',
      values: ['x', 'y'],
    });
    expect(parseEnumCheck(`CHECK ((kind = 'only'::text))`)).toEqual({ column: 'kind', values: ['only'] });
    expect(
      parseEnumCheck(`CHECK (((held = ANY (ARRAY['a'::text, 'b'::text])) AND (held <> ALL (ARRAY['b'::text]))))`),
    ).toEqual({ column: 'held', values: ['a', 'b'] });
    expect(parseEnumCheck(`CHECK (((sla IS NULL) OR (status <> ALL (ARRAY['a'::text]))))`)).toBeNull();
    expect(parseEnumCheck(`CHECK (((status = 'sent'::text) = (sent_at IS NOT NULL)))`)).toBeNull();
  });

  it('names each missing and extra value, unmapped checks and mapped constraints that are gone', () => {
    const problems = enumConstraintProblems(
      [
        check('t_kind_check', `CHECK ((kind = ANY (ARRAY['a'::text, 'old'::text])))`),
        check('t_other_check', `CHECK ((other = ANY (ARRAY['x'::text])))`),
      ],
      { t_kind_check: ['a', 'new'], t_gone_check: ['z'] },
    );
    expect(problems).toEqual([
      expect.stringMatching(/^t_kind_check \(t\.kind\): the database is missing 'new'/),
      expect.stringMatching(/^t_kind_check \(t\.kind\): the database has extra 'old'/),
      expect.stringMatching(/^t_other_check \(t\.other\): an enum check the mapping does not cover/),
      expect.stringMatching(/^t_gone_check: mapped in ENUM_CONSTRAINTS but no such enum check/),
    ]);
  });
});
