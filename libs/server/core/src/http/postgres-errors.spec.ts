import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';
import { parameterColumn, postgresErrorBody } from './postgres-errors';

function failure(driverError: Record<string, unknown>, query = 'SELECT 1', parameters: unknown[] = []) {
  return new QueryFailedError(
    query,
    parameters,
    Object.assign(new Error(String(driverError.message ?? '')), driverError),
  );
}

describe('postgresErrorBody', () => {
  it('names the field and the allowed values of an enum check violation (23514)', () => {
    const body = postgresErrorBody(
      failure({ code: '23514', table: 'cases', constraint: 'cases_held_from_status_check' }),
    );
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/^heldFromStatus must be one of: new, triaged, /),
      fields: { heldFromStatus: expect.stringMatching(/^must be one of: /) },
    });
  });

  it('names the column of any other column check, and says which rule a table check is', () => {
    expect(
      postgresErrorBody(failure({ code: '23514', table: 'supporters', constraint: 'supporters_name_check' })),
    ).toMatchObject({ statusCode: 400, fields: { name: 'is not an allowed value' } });
    const tableCheck = postgresErrorBody(failure({ code: '23514', table: 'cases', constraint: 'cases_check1' }));
    expect(tableCheck).toMatchObject({ statusCode: 400, message: expect.stringContaining('cases_check1') });
    expect(tableCheck?.fields).toBeUndefined();
  });

  it('maps not-null (23502), foreign key (23503) and unique (23505) violations', () => {
    expect(postgresErrorBody(failure({ code: '23502', column: 'case_id' }))).toMatchObject({
      statusCode: 400,
      fields: { caseId: 'is required' },
    });
    expect(
      postgresErrorBody(failure({ code: '23503', detail: 'Key (mp_contact_id)=(abc) is not present in table "x".' })),
    ).toMatchObject({ statusCode: 400, fields: { mpContactId: 'refers to a record that does not exist' } });
    expect(
      postgresErrorBody(failure({ code: '23503', detail: 'Key (id)=(abc) is still referenced from table "cases".' })),
    ).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(
      postgresErrorBody(failure({ code: '23505', detail: 'Key (lower(keyword))=(spread) already exists.' })),
    ).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'keyword is already taken',
      fields: { keyword: 'is already taken' },
    });
  });

  it('finds the parameter Postgres could not read (22P02, 22003, 22007, 22008) and its column', () => {
    const query = 'SELECT * FROM "meetings" "m" WHERE "m"."case_id" = $1 AND "m"."id" = $2';
    expect(
      postgresErrorBody(
        failure({ code: '22P02', message: 'invalid input syntax for type uuid: "nope"' }, query, ['x', 'nope']),
      ),
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'id is not a valid uuid',
      fields: { id: 'is not a valid uuid' },
    });
    const insert = 'INSERT INTO "mp_actions"("id", "case_id", "mp_id") VALUES (DEFAULT, $1, $2)';
    expect(
      postgresErrorBody(
        failure({ code: '22003', message: 'value "99999999999" is out of range for type integer' }, insert, [
          'c',
          99999999999,
        ]),
      ),
    ).toMatchObject({ fields: { mpId: 'is out of range' } });
    expect(
      postgresErrorBody(
        failure(
          { code: '22008', message: 'date/time field value out of range: "2026-13-40"' },
          'UPDATE "t" SET "due_at" = $1',
          ['2026-13-40'],
        ),
      ),
    ).toMatchObject({ fields: { dueAt: 'is not a valid date or time' } });
    expect(
      postgresErrorBody(failure({ code: '22007', message: 'invalid input syntax for type timestamp: "x"' })),
    ).toEqual({ statusCode: 400, error: 'Bad Request', message: 'A value is not a valid date or time' });
  });

  it('maps too-long strings (22001) and bytes Postgres cannot store (22021, 22P05)', () => {
    expect(postgresErrorBody(failure({ code: '22001' }))).toMatchObject({
      statusCode: 400,
      message: 'A value is too long',
    });
    expect(
      postgresErrorBody(
        failure(
          { code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' },
          'UPDATE "t" SET "notes" = $1',
          ['a\u0000b'],
        ),
      ),
    ).toMatchObject({ statusCode: 400, fields: { notes: expect.stringContaining('NUL') } });
    expect(postgresErrorBody(failure({ code: '22P05' }))).toMatchObject({ statusCode: 400 });
  });

  it('leaves other errors alone', () => {
    expect(postgresErrorBody(failure({ code: '40001' }))).toBeNull();
    expect(postgresErrorBody(new Error('boom'))).toBeNull();
    expect(postgresErrorBody(undefined)).toBeNull();
  });
});

describe('parameterColumn', () => {
  it('reads comparisons, IN and ANY lists, and INSERT column lists', () => {
    expect(parameterColumn('WHERE "c"."id" = $1', 1)).toBe('id');
    expect(parameterColumn('WHERE a = $10 AND b = $1', 1)).toBe('b');
    expect(parameterColumn('WHERE "status" IN ($1, $2, $3)', 3)).toBe('status');
    expect(parameterColumn('WHERE c.id = ANY($2)', 2)).toBe('id');
    expect(parameterColumn('INSERT INTO "x"("a", "b") VALUES ($1, $2)', 2)).toBe('b');
    expect(parameterColumn('SELECT $1', 1)).toBeUndefined();
  });
});

describe('ApiExceptionFilter with a Postgres refusal', () => {
  it('answers the 400 instead of a 500', () => {
    const res = { headersSent: false, status: jest.fn(), json: jest.fn(), setHeader: jest.fn() };
    res.status.mockReturnValue(res);
    const host = { switchToHttp: () => ({ getResponse: () => res }) };
    new ApiExceptionFilter().catch(failure({ code: '23502', column: 'summary' }), host as never);
    expect(res.status).toHaveBeenCalledWith(400);
    expect(res.json).toHaveBeenCalledWith(expect.objectContaining({ fields: { summary: 'is required' } }));
  });
});
