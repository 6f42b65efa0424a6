import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import type { MpActionDto } from '@campaign-desk/contracts';
import { formatLondonDate } from '../shared/time';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const T = 'engagement.panel';

/** The evidence of what an MP did, opened away from the dashboard (no opener, no referrer). */
export const EvidenceLink = ({ url }: { url: string | null }) => {
  const translate = useTranslate();
  if (!url) return <>—</>;
  return (
    <Link href={url} target="_blank" rel="noopener noreferrer">
      {translate(`${T}.evidence`)}
    </Link>
  );
};

/** What the MP did on this case, newest first. */
export const MpActionsSection = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const { data: actions = [], isPending } = useGetList<MpActionDto>('mp-actions', {
    filter: { caseId },
    sort: { field: 'date', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1">{translate(`${T}.mpActions`)}</Typography>
      {!isPending && actions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate(`${T}.noMpActions`)}
        </Typography>
      ) : (
        <Table size="small" aria-label={translate(`${T}.mpActions`)}>
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${T}.date`)}</TableCell>
              <TableCell>{translate(`${T}.actionType`)}</TableCell>
              <TableCell>{translate(`${T}.summary`)}</TableCell>
              <TableCell>{translate(`${T}.evidenceColumn`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {actions.map((action) => (
              <TableRow key={action.id} data-testid="mp-action" data-type={action.type}>
                <TableCell>{formatLondonDate(action.date)}</TableCell>
                <TableCell>{translate(enumLabelKey('mpActionType', action.type))}</TableCell>
                <TableCell>{action.summary ?? ''}</TableCell>
                <TableCell>
                  <EvidenceLink url={action.evidenceUrl} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
