import PeopleIcon from '@mui/icons-material/People';
import { Box, Button, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Labeled, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import type { ConstituencyDetailDto } from '@campaign-desk/contracts';
import { TenureTable } from '../shared/directory/TenureTable';

/** A link to the supporters list filtered to this seat. */
const SupportersHereButton = () => {
  const record = useRecordContext<ConstituencyDetailDto>();
  if (!record) return null;
  const filter = encodeURIComponent(JSON.stringify({ constituencyId: record.id }));
  return (
    <Button size="small" component={Link} to={`/supporters?filter=${filter}`} startIcon={<PeopleIcon />}>
      Supporters here
    </Button>
  );
};

const CurrentMp = () => {
  const record = useRecordContext<ConstituencyDetailDto>();
  if (!record) return null;
  if (!record.mp) return <Typography variant="body2">The seat is vacant.</Typography>;
  return (
    <Typography variant="body1">
      <Link to={`/mps/${record.mp.id}/show`}>{record.mp.name}</Link> ({record.mp.party})
      {record.mp.email && (
        <>
          {' · '}
          <a href={`mailto:${record.mp.email}`}>{record.mp.email}</a>
        </>
      )}
    </Typography>
  );
};

const Tenures = () => {
  const record = useRecordContext<ConstituencyDetailDto>();
  return record ? <TenureTable tenures={record.tenures ?? []} show="mp" /> : null;
};

export const ConstituencyShow = () => (
  <Show
    actions={
      <TopToolbar>
        <SupportersHereButton />
      </TopToolbar>
    }
  >
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        <TextField source="name" variant="inherit" />
      </Typography>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mb: 3 }}>
        <Labeled label="Welsh name">
          <TextField source="nameCy" emptyText="—" />
        </Labeled>
        <Labeled label="GSS code">
          <TextField source="id" />
        </Labeled>
        <Labeled label="Nation">
          <TextField source="nation" />
        </Labeled>
        <Labeled label="Region">
          <TextField source="region" />
        </Labeled>
        <Labeled label="Type">
          <TextField source="type" emptyText="—" />
        </Labeled>
      </Box>
      <Typography variant="h6" component="h2" gutterBottom>
        Current MP
      </Typography>
      <Box sx={{ mb: 3 }}>
        <CurrentMp />
      </Box>
      <Typography variant="h6" component="h2" gutterBottom>
        MPs for this seat
      </Typography>
      <Tenures />
    </Box>
  </Show>
);
