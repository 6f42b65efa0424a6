import { Box, MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  MAX_REPORT_RANGE_DAYS,
  REPORT_GROUP_BY,
  type ReportGroupBy,
  type ReportRangeQuery,
} from '@campaign-desk/contracts';
import type { RangeProblem } from './reportRange';
import { enumLabelKey } from '../shared/i18n/enumLabels';

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
      <TextField
        select
        size="small"
        id="report-group-by"
        label={translate('reports.range.groupBy')}
        value={groupBy}
        onChange={(event) => onGroupByChange(event.target.value as ReportGroupBy)}
        fullWidth={false}
        sx={{ width: 200 }}
      >
        {REPORT_GROUP_BY.map((value) => (
          <MenuItem key={value} value={value}>
            {translate(enumLabelKey('reportGroupBy', value))}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
};
