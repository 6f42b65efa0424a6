import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ListQuerySpec } from './list-query';

/**
 * Documents a react-admin simple-REST list from the spec it hands to `parseListQuery`, so the sort
 * and filter fields the document names are the ones the endpoint accepts: `sort`, `range` and
 * `filter` as JSON strings, and the `Content-Range` header of the answer.
 */
export function ApiList<F extends string, S extends string>(spec: ListQuerySpec<F, S>): MethodDecorator {
  const sortFields = spec.sortable.join(', ');
  const filterFields = [...new Set<string>([...spec.filterable, 'id'])].join(', ');
  const maxPage = spec.maxPageSize ?? MAX_PAGE_SIZE;
  const { field, order } = spec.defaultSort;
  return applyDecorators(
    ApiQuery({
      name: 'sort',
      required: false,
      description: `JSON \`["field","ASC"|"DESC"]\`; field is one of: ${sortFields}. Default \`["${field}","${order}"]\`.`,
      schema: {
        type: 'string',
        pattern: `^\\[\\s*"(${spec.sortable.join('|')})"\\s*,\\s*"(ASC|DESC)"\\s*\\]$`,
        example: `["${spec.sortable[0]}","ASC"]`,
      },
    }),
    ApiQuery({
      name: 'range',
      required: false,
      description: `JSON \`[start,end]\`, both inclusive, zero-based; at most ${maxPage} rows. Default \`[0,${DEFAULT_PAGE_SIZE - 1}]\`.`,
      schema: { type: 'string', pattern: '^\\[\\s*\\d+\\s*,\\s*\\d+\\s*\\]$', example: '[0,9]' },
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `JSON object; keys: ${filterFields} (\`id\` takes one value or a list). Anything else is a 400.`,
      schema: { type: 'string', example: '{}' },
    }),
    ApiOkResponse({
      description: 'One page of rows',
      headers: {
        'Content-Range': {
          required: true,
          description: '`<resource> <start>-<end>/<total>`: the rows sent and how many match',
          schema: { type: 'string' },
        },
      },
    }),
  );
}
