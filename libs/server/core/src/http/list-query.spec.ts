import { BadRequestException } from '@nestjs/common';
import { contentRange, parseListQuery } from './list-query';

const spec = {
  sortable: ['name', 'createdAt'] as const,
  filterable: ['q', 'role'] as const,
  defaultSort: { field: 'name' as const, order: 'ASC' as const },
};

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { fields: Record<string, string> }).fields;
  }
  throw new Error('expected a 400');
}

describe('parseListQuery', () => {
  it('parses the react-admin simple REST parameters', () => {
    const parsed = parseListQuery(
      { sort: '["createdAt","DESC"]', range: '[25,49]', filter: '{"q":"ann","role":"admin"}' },
      { ...spec, sortable: [...spec.sortable], filterable: [...spec.filterable] },
    );
    expect(parsed).toEqual({
      sort: { field: 'createdAt', order: 'DESC' },
      offset: 25,
      limit: 25,
      filter: { q: 'ann', role: 'admin' },
    });
  });

  it('uses defaults when nothing is given', () => {
    expect(parseListQuery({}, { ...spec, sortable: [...spec.sortable], filterable: [...spec.filterable] })).toEqual({
      sort: { field: 'name', order: 'ASC' },
      offset: 0,
      limit: 25,
      filter: {},
    });
  });

  it.each([
    [{ sort: '["password","ASC"]' }, 'sort'],
    [{ sort: '["name","UP"]' }, 'sort'],
    [{ sort: 'name' }, 'sort'],
    [{ range: '[10,2]' }, 'range'],
    [{ range: '[-1,2]' }, 'range'],
    [{ range: '[0,1e9]' }, 'range'],
    [{ range: '[1e300,1e301]' }, 'range'],
    [{ range: '[0.5,2]' }, 'range'],
    [{ range: '["a"]' }, 'range'],
    [{ filter: 'null' }, 'filter'],
    [{ filter: '{"role":null}' }, 'filter'],
    [{ filter: '{"id":[]}' }, 'filter'],
    [{ filter: '{"q":"a\\u0000b"}' }, 'filter'],
    [{ filter: '{"role":["admin",{"x":"\\u0000"}]}' }, 'filter'],
    [{ filter: '{"passwordHash":"x"}' }, 'filter'],
    [{ filter: '[1]' }, 'filter'],
    [{ filter: '{bad json' }, 'filter'],
    [{ page: '2' }, 'page'],
  ])('rejects %j naming %s', (query, field) => {
    expect(
      Object.keys(
        fieldsOf(() =>
          parseListQuery(query, { ...spec, sortable: [...spec.sortable], filterable: [...spec.filterable] }),
        ),
      ),
    ).toEqual([field]);
  });

  it('takes null only for the filters that declare it', () => {
    const parsed = parseListQuery(
      { filter: '{"role":null}' },
      { ...spec, sortable: [...spec.sortable], filterable: [...spec.filterable], nullable: ['role'] },
    );
    expect(parsed.filter).toEqual({ role: null });
  });

  it('caps the page size', () => {
    expect(
      parseListQuery(
        { range: '[0,99999]' },
        { ...spec, sortable: [...spec.sortable], filterable: [...spec.filterable], maxPageSize: 100 },
      ).limit,
    ).toBe(100);
  });
});

describe('contentRange', () => {
  it('formats the header react-admin reads', () => {
    expect(contentRange('staff-users', 0, 10, 42)).toBe('staff-users 0-9/42');
    expect(contentRange('staff-users', 50, 0, 42)).toBe('staff-users 50-50/42');
  });
});
