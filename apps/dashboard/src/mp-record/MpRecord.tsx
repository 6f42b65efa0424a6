import {
  Box,
  Card,
  CardContent,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useRecordContext, useTranslate } from 'react-admin';
import { MP_ACTION_TYPES, type MpDetailDto, type MpEngagementRow } from '@campaign-desk/contracts';
import { lastTwelveMonths, RateCell, ReportBody, useEngagementReport } from '../reports';
import { formatDays, formatInterval } from '../shared/numbers/figures';
import { formatLondonDate } from '../shared/time';
import { mpRecordMessages } from './messages';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const F = 'mpRecord.figures';

const Figure = ({ label, testId, children }: { label: string; testId: string; children: ReactNode }) => (
  <Box sx={{ minWidth: 140 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="h6" component="div" data-testid={testId}>
      {children}
    </Typography>
  </Box>
);

/** The record's figures: label key, test id, and how the server's value is shown. */
const FIGURES: [keyof typeof mpRecordMessages.mpRecord.figures, string, (row: MpEngagementRow) => ReactNode][] = [
  ['cases', 'mp-record-cases', (row) => row.cases],
  ['contacts', 'mp-record-contacts', (row) => row.contacts],
  ['responses', 'mp-record-responses', (row) => row.responses],
  ['responseRate', 'mp-record-rate', (row) => <RateCell row={row} />],
  ['interval', 'mp-record-interval', (row) => formatInterval(row.responseRateLow, row.responseRateHigh)],
  ['medianDaysToFirstResponse', 'mp-record-median-first', (row) => formatDays(row.medianDaysToFirstResponse)],
  ['medianDaysToSubstantive', 'mp-record-median-substantive', (row) => formatDays(row.medianDaysToSubstantive)],
  ['chasesSent', 'mp-record-chases', (row) => row.chasesSent],
  ['meetings', 'mp-record-meetings', (row) => row.meetings],
];

const Figures = ({ row }: { row: MpEngagementRow }) => {
  const translate = useTranslate();
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, mb: 2 }}>
        {FIGURES.map(([key, testId, show]) => (
          <Figure key={key} label={translate(`${F}.${key}`)} testId={testId}>
            {show(row)}
          </Figure>
        ))}
      </Box>
      <Typography variant="subtitle2">{translate('mpRecord.actions')}</Typography>
      <Table size="small" sx={{ maxWidth: 480 }} data-testid="mp-record-actions">
        <TableBody>
          {MP_ACTION_TYPES.map((type) => (
            <TableRow key={type}>
              <TableCell>{translate(enumLabelKey('mpActionType', type))}</TableCell>
              <TableCell align="right">{row.actionsByType[type]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};

/**
 * The MP page's engagement record over the last twelve months: this MP's row of the server's report grouped by MP
 * (the report takes no MP filter, so the row is picked out of it; nothing is summed here).
 */
export const MpRecord = () => {
  const translate = useTranslate();
  const mp = useRecordContext<MpDetailDto>();
  const [range] = useState(() => lastTwelveMonths());
  const report = useEngagementReport(mp ? range : null, 'mp');
  if (!mp) return null;
  const casesUrl = `/cases?${new URLSearchParams({ filter: JSON.stringify({ mpId: mp.id }), sort: 'createdAt', order: 'DESC' })}`;
  return (
    <Box sx={{ mb: 3 }} data-testid="mp-engagement">
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('mpRecord.title')}
      </Typography>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('mpRecord.period', { from: formatLondonDate(range.from), to: formatLondonDate(range.to) })}
          </Typography>
          <ReportBody query={report} height={160}>
            {(data) => {
              const row = data.rows.find((r) => r.key === String(mp.id));
              return row ? (
                <Figures row={row} />
              ) : (
                <Typography data-testid="mp-record-none">{translate('mpRecord.none')}</Typography>
              );
            }}
          </ReportBody>
          <Box sx={{ display: 'flex', gap: 3, mt: 2 }}>
            <MuiLink component={Link} to={casesUrl}>
              {translate('mpRecord.seeCases')}
            </MuiLink>
            <MuiLink component={Link} to="/reports">
              {translate('mpRecord.seeReports')}
            </MuiLink>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};
