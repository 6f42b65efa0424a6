import { Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import {
  MIN_CONTACTS_TO_RANK,
  MP_ACTION_TYPES,
  UNKNOWN_GROUP_KEY,
  type MpEngagementReport,
  type MpEngagementRow,
} from '@campaign-desk/contracts';
import { formatDays, formatInterval, formatRate } from '../shared/numbers/figures';
import { leagueOrder } from './leagueOrder';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const C = 'reports.engagement.columns';
type NumberColumn = 'cases' | 'mpsContacted' | 'contacts' | 'responses';
/** MPs contacted says something only when a group holds several MPs. */
const numberColumns = (report: MpEngagementReport): NumberColumn[] =>
  report.groupBy === 'mp' ? ['cases', 'contacts', 'responses'] : ['cases', 'mpsContacted', 'contacts', 'responses'];

/** The response rate of a row, or "too few to rank" under MIN_CONTACTS_TO_RANK contacts (with the rate beside it in small print). */
export const RateCell = ({ row }: { row: Pick<MpEngagementRow, 'responseRate' | 'tooFewToRank'> }) => {
  const translate = useTranslate();
  if (!row.tooFewToRank) return <>{formatRate(row.responseRate)}</>;
  return (
    <Typography component="span" variant="body2" color="text.secondary" data-testid="too-few-to-rank">
      {translate('reports.tooFewToRank')}
    </Typography>
  );
};

const ActionChips = ({ row }: { row: MpEngagementRow }) => {
  const translate = useTranslate();
  const done = MP_ACTION_TYPES.filter((type) => row.actionsByType[type] > 0);
  if (!done.length) return <>—</>;
  return (
    <>
      {done.map((type) => (
        <Chip
          key={type}
          size="small"
          sx={{ mr: 0.5, mb: 0.5 }}
          label={`${translate(enumLabelKey('mpActionType', type))}: ${row.actionsByType[type]}`}
        />
      ))}
    </>
  );
};

const GroupLabel = ({ report, row }: { report: MpEngagementReport; row: MpEngagementRow }) =>
  report.groupBy === 'mp' && row.key !== UNKNOWN_GROUP_KEY ? (
    <Link to={`/mps/${encodeURIComponent(row.key)}/show`}>{row.label}</Link>
  ) : (
    <>{row.label}</>
  );

const Row = ({ report, row, total }: { report: MpEngagementReport; row: MpEngagementRow; total?: boolean }) => {
  const translate = useTranslate();
  return (
    <TableRow
      data-testid={total ? 'engagement-total' : `engagement-row-${row.key}`}
      sx={total ? { '& td': { fontWeight: 600 } } : undefined}
    >
      <TableCell>{total ? translate('reports.engagement.total') : <GroupLabel report={report} row={row} />}</TableCell>
      {numberColumns(report).map((column) => (
        <TableCell key={column} align="right">
          {row[column]}
        </TableCell>
      ))}
      <TableCell align="right" data-testid="response-rate">
        <RateCell row={row} />
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatInterval(row.responseRateLow, row.responseRateHigh)}
      </TableCell>
      <TableCell align="right">{formatDays(row.medianDaysToFirstResponse)}</TableCell>
      <TableCell align="right">{formatDays(row.medianDaysToSubstantive)}</TableCell>
      <TableCell align="right">{row.chasesSent}</TableCell>
      <TableCell align="right">{row.meetings}</TableCell>
      <TableCell>
        <ActionChips row={row} />
      </TableCell>
    </TableRow>
  );
};

/** The MP engagement table for the chosen grouping; grouped by MP it is the league table, ordered by response rate. */
export const EngagementTable = ({ report }: { report: MpEngagementReport }) => {
  const translate = useTranslate();
  const rows = report.groupBy === 'mp' ? leagueOrder(report.rows) : report.rows;
  if (!rows.length) return <Typography color="text.secondary">{translate('reports.noData')}</Typography>;
  const headers = [
    'label',
    ...numberColumns(report),
    'responseRate',
    'interval',
    'medianDaysToFirstResponse',
    'medianDaysToSubstantive',
    'chasesSent',
    'meetings',
    'actions',
  ];
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('reports.engagement.rankNote', { min: MIN_CONTACTS_TO_RANK })}
      </Typography>
      {report.approximateReplyDates > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="approximate-reply-dates">
          {translate('reports.engagement.approximateReplyDates', {
            smart_count: report.approximateReplyDates,
          })}
        </Typography>
      )}
      <TableContainer>
        <Table size="small" aria-label={translate('reports.engagement.league')} data-testid="engagement-table">
          <TableHead>
            <TableRow>
              {headers.map((column) => (
                <TableCell key={column} align={column === 'label' || column === 'actions' ? 'left' : 'right'}>
                  {column === 'label'
                    ? translate(enumLabelKey('reportGroupBy', report.groupBy))
                    : translate(`${C}.${column}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <Row key={row.key} report={report} row={row} />
            ))}
            <Row report={report} row={report.total} total />
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
};
