import { Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { CASE_VIEW_SORTS, CASE_VIEWS, type CaseView } from '@campaign-desk/contracts';
import { useCanWorkCases } from './roles';
import { enumLabelKey } from '../shared/i18n/enumLabels';

type TabValue = CaseView | 'all';

const DEFAULT_SORT = { field: 'createdAt', order: 'DESC' as const };

/**
 * The saved views as tabs (`filter.view`). A view brings its own sort, the one its index serves;
 * "All" drops the view and keeps the other filters.
 */
export const CaseViewTabs = () => {
  const translate = useTranslate();
  const canWork = useCanWorkCases();
  const { filterValues, displayedFilters, setFilters, setSort } = useListContext();
  const current = (filterValues.view as TabValue | undefined) ?? 'all';
  const views: TabValue[] = ['all', ...CASE_VIEWS.filter((v) => canWork || v !== 'mine')];

  const choose = (value: TabValue) => {
    const { view: _previous, ...rest } = filterValues;
    setSort(value === 'all' ? DEFAULT_SORT : CASE_VIEW_SORTS[value]);
    setFilters(value === 'all' ? rest : { ...rest, view: value }, displayedFilters);
  };

  return (
    <Tabs
      value={current}
      onChange={(_, value: TabValue) => choose(value)}
      variant="scrollable"
      scrollButtons="auto"
      aria-label={translate('resources.cases.name', { smart_count: 2 })}
    >
      {views.map((view) => (
        <Tab
          key={view}
          value={view}
          label={translate(view === 'all' ? 'resources.cases.viewAll' : enumLabelKey('caseView', view))}
        />
      ))}
    </Tabs>
  );
};
