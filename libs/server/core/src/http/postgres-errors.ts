import type { ApiErrorBody } from '@campaign-desk/contracts';
import { ENUM_CONSTRAINTS } from '../database/enum-constraints';

/** The fields of a Postgres error (node-postgres `DatabaseError`) that say what was wrong. */
interface PostgresError {
  code?: string;
  message?: string;
  table?: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

/** TypeORM's QueryFailedError: the statement, its parameters, and the driver's error. */
interface QueryFailure {
  driverError?: PostgresError;
  query?: string;
  parameters?: unknown[];
}

type Mapped = { statusCode: 400 | 409; message: string; field?: string };

const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `cases_held_from_status_check` on `cases` → `held_from_status` (Postgres' name for a column check, and ours). */
function constraintColumn(constraint: string | undefined, table: string | undefined): string | undefined {
  if (!constraint || !table || !constraint.startsWith(`${table}_`)) return undefined;
  return /^(.+)_check\d*$/.exec(constraint.slice(table.length + 1))?.[1];
}

/** The columns of `Key (a, lower(b))=(…)` in a unique or foreign key violation's detail. */
function keyColumns(detail: string | undefined): string[] {
  const list = /^Key \((.*?)\)=\(/.exec(detail ?? '')?.[1];
  if (!list) return [];
  return list.split(',').map((part) =>
    part
      .trim()
      .replace(/^\w+\((.*)\)$/, '$1')
      .replace(/"/g, ''),
  );
}

/**
 * The column a statement's parameter was bound to, found in the statement: `"col" = $n`, `col IN ($m, $n)`,
 * `col = ANY($n)`, or its place in `INSERT INTO t ("a", "b") VALUES ($1, $2)`.
 */
export function parameterColumn(query: string, parameter: number): string | undefined {
  const p = `\\$${parameter}(?!\\d)`;
  const compared = new RegExp(
    `"?(\\w+)"?\\s*(?:=|<>|!=|<=|>=|<|>|I?LIKE|@>|<@|&&)\\s*(?:ANY\\s*\\(\\s*)?(?:\\(\\s*)?(?:\\$\\d+\\s*,\\s*)*${p}`,
    'i',
  ).exec(query);
  if (compared) return compared[1];
  const listed = new RegExp(`"?(\\w+)"?\\s+IN\\s*\\(\\s*(?:\\$\\d+\\s*,\\s*)*${p}`, 'i').exec(query);
  if (listed) return listed[1];
  const insert = /INSERT INTO [^(]+\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)/i.exec(query);
  if (insert) {
    const columns = insert[1].split(',').map((c) => c.trim().replace(/"/g, ''));
    const index = insert[2].split(',').findIndex((v) => new RegExp(`^\\s*${p}`).test(v));
    if (index >= 0) return columns[index];
  }
  return undefined;
}

/** Which parameter carried the value Postgres refused: the one it quotes, or the one holding a NUL. */
function refusedParameterField(failure: QueryFailure, error: PostgresError): string | undefined {
  const params = failure.parameters ?? [];
  const quoted = /"((?:[^"\\]|\\.)*)"/.exec(error.message ?? '')?.[1];
  let index = quoted === undefined ? -1 : params.findIndex((p) => p !== null && String(p) === quoted);
  if (index < 0 && ['22021', '22P05'].includes(error.code ?? '')) {
    index = params.findIndex((p) => typeof p === 'string' && (p.includes('\u0000') || p.includes('\\u0000')));
  }
  if (index < 0 || !failure.query) return undefined;
  const column = parameterColumn(failure.query, index + 1);
  return column ? camelCase(column) : undefined;
}

function classify(failure: QueryFailure, error: PostgresError): Mapped | undefined {
  const named = (column: string | undefined) => (column ? camelCase(column) : undefined);
  switch (error.code) {
    case '23514': {
      const field = named(constraintColumn(error.constraint, error.table));
      const values = error.constraint ? ENUM_CONSTRAINTS[error.constraint] : undefined;
      if (field && values) return { statusCode: 400, field, message: `must be one of: ${values.join(', ')}` };
      if (field) return { statusCode: 400, field, message: 'is not an allowed value' };
      return {
        statusCode: 400,
        message: `The values break a rule of the ${error.table ?? 'record'} (${error.constraint})`,
      };
    }
    case '23502':
      return { statusCode: 400, field: named(error.column), message: 'is required' };
    case '23503': {
      const field = named(keyColumns(error.detail)[0]);
      if (/is still referenced/.test(error.detail ?? ''))
        return { statusCode: 409, message: 'The record is still referred to by others' };
      return { statusCode: 400, field, message: 'refers to a record that does not exist' };
    }
    case '23505':
      return { statusCode: 409, field: named(keyColumns(error.detail)[0]), message: 'is already taken' };
    case '22P02': {
      const type = /for type ([\w ]+)/.exec(error.message ?? '')?.[1] ?? 'value';
      return { statusCode: 400, field: refusedParameterField(failure, error), message: `is not a valid ${type}` };
    }
    case '22003':
      return { statusCode: 400, field: refusedParameterField(failure, error), message: 'is out of range' };
    case '22007':
    case '22008':
      return { statusCode: 400, field: refusedParameterField(failure, error), message: 'is not a valid date or time' };
    case '22001':
      return { statusCode: 400, field: named(error.column), message: 'is too long' };
    case '22021':
    case '22P05':
      return {
        statusCode: 400,
        field: refusedParameterField(failure, error),
        message: 'contains characters that cannot be stored (such as NUL)',
      };
    default:
      return undefined;
  }
}

/**
 * A Postgres refusal of bad input (constraint, type or encoding) that validation let through, as the 400 (or 409)
 * it is, naming the field where it can be found; null for anything else (a 500 stays a 500).
 */
export function postgresErrorBody(exception: unknown): ApiErrorBody | null {
  const failure = (exception ?? {}) as QueryFailure;
  const error = failure.driverError;
  if (!error?.code) return null;
  const mapped = classify(failure, error);
  if (!mapped) return null;
  const { statusCode, field, message } = mapped;
  const base = { statusCode, error: statusCode === 409 ? 'Conflict' : 'Bad Request' };
  if (!field) return { ...base, message: /^[A-Z]/.test(message) ? message : `A value ${message}` };
  return { ...base, message: `${field} ${message}`, fields: { [field]: message } };
}
