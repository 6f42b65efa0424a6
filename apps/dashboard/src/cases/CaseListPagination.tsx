import { Pagination, useListContext, useTranslate } from 'react-admin';
import type { KeysetListMeta } from '../providers/keysetPages';
import { formatCount } from './caseFormat';

/** react-admin's pagination, saying "about" when the server's total is an estimate. */
export const CaseListPagination = () => {
  const translate = useTranslate();
  const { meta } = useListContext();
  const estimated = (meta as KeysetListMeta | undefined)?.totalEstimated ?? false;
  const label = ({ from, to, count }: { from: number; to: number; count: number }) =>
    estimated
      ? translate('resources.cases.pagination.estimated', { from, to, total: formatCount(count) })
      : translate('ra.navigation.page_range_info', {
          offsetBegin: from,
          offsetEnd: to,
          total: count === -1 ? to : count,
        });
  return <Pagination rowsPerPageOptions={[25, 50, 100]} {...({ labelDisplayedRows: label } as object)} />;
};
