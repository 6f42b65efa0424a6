import { Box, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { MAX_REPORT_RANGE_DAYS, type ReportGroupBy, type ReportRangeQuery } from '@campaign-desk/contracts';
import type { RangeProblem } from './reportRange';

import { EnumSelect } from '../shared/i18n/EnumSelect';

interface Props {
  range: ReportRangeQuery;
  groupBy: ReportGroupBy;
  problem: RangeProblem | null;
  onRangeChange: (range: ReportRangeQuery) => void;
  onGroupByChange: (groupBy: ReportGroupBy) => void;
}

/** The date range (both ends inclusive, London dates) and the grouping of the engagement table. */
export const ReportFilters = ({ range, groupBy, problem, onRangeChange, onGroupByChange }: Props) => {
  const translate = useTranslate();
  const helper = (field: 'from' | 'to') =>
    problem?.field === field ? translate(`reports.range.${problem.key}`, { days: MAX_REPORT_RANGE_DAYS }) : undefined;
  const dateField = (field: 'from' | 'to') => (
    <TextField
      type="date"
      size="small"
      id={`report-${field}`}
      label={translate(`reports.range.${field}`)}
      value={range[field]}
      onChange={(event) => onRangeChange({ ...range, [field]: event.target.value })}
      fullWidth={false}
      sx={{ width: 200 }}
      error={problem?.field === field}
      helperText={helper(field)}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }} data-testid="report-filters">
      {dateField('from')}
      {dateField('to')}
      <EnumSelect
        of="reportGroupBy"
        size="small"
        id="report-group-by"
        label={translate('reports.range.groupBy')}
        value={groupBy}
        onChange={onGroupByChange}
        fullWidth={false}
        sx={{ width: 200 }}
      />
    </Box>
  );
};
