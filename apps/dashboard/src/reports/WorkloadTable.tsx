import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { WorkloadReport } from '@campaign-desk/contracts';

const COLUMNS = ['open', 'overdue', 'closedThisMonth'] as const;

/** Open, overdue and closed-this-month cases per caseworker, with the server's total row. */
export const WorkloadTable = ({ report }: { report: WorkloadReport }) => {
  const translate = useTranslate();
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('reports.workload.title')} data-testid="workload-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('reports.workload.columns.name')}</TableCell>
            {COLUMNS.map((column) => (
              <TableCell key={column} align="right">
                {translate(`reports.workload.columns.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.rows.map((row) => (
            <TableRow key={row.assigneeId ?? 'unassigned'}>
              <TableCell>{row.assigneeId ? row.name : translate('reports.workload.unassigned')}</TableCell>
              {COLUMNS.map((column) => (
                <TableCell key={column} align="right">
                  {row[column]}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow sx={{ '& td': { fontWeight: 600 } }} data-testid="workload-total">
            <TableCell>{translate('reports.workload.total')}</TableCell>
            {COLUMNS.map((column) => (
              <TableCell key={column} align="right">
                {report.total[column]}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
};
