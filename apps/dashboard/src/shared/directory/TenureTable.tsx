import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { MpTenureDto } from '@campaign-desk/contracts';
import { enumLabelKey } from '../i18n/enumLabels';
import { formatLondonDate } from '../time';

/**
 * Tenure history, newest first. `show` picks the linked column: an MP's page lists seats, a
 * constituency's page lists MPs.
 */
export const TenureTable = ({ tenures, show }: { tenures: MpTenureDto[]; show: 'constituency' | 'mp' }) => {
  const translate = useTranslate();
  if (!tenures.length) return <Typography variant="body2">No tenure recorded.</Typography>;
  return (
    <Table size="small" aria-label="Tenure history" sx={{ maxWidth: 900 }}>
      <TableHead>
        <TableRow>
          <TableCell>{show === 'constituency' ? 'Constituency' : 'MP'}</TableCell>
          <TableCell>Party</TableCell>
          <TableCell>From</TableCell>
          <TableCell>To</TableCell>
          <TableCell>Why it ended</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {tenures.map((t) => (
          <TableRow key={t.id}>
            <TableCell>
              {show === 'constituency' ? (
                <Link to={`/constituencies/${t.constituencyId}/show`}>{t.constituencyName}</Link>
              ) : (
                <Link to={`/mps/${t.mpId}/show`}>{t.mpName}</Link>
              )}
            </TableCell>
            <TableCell>{t.party}</TableCell>
            <TableCell>{t.startDate ? formatLondonDate(t.startDate) : 'Before records began'}</TableCell>
            <TableCell>{t.endDate ? formatLondonDate(t.endDate) : 'Current'}</TableCell>
            <TableCell>{t.endReason ? translate(enumLabelKey('tenureEndReason', t.endReason)) : ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
