import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Labeled, Show, TextField, useRecordContext } from 'react-admin';
import type { MpDetailDto } from '@campaign-desk/contracts';
import { TenureTable } from '../shared/directory/TenureTable';
import { MpRecord } from '../mp-record';
import { AddressFailingChip, AddressFailingNotice } from './MpAddressStatus';

/** A plain value under a <Labeled> label (Labeled hides its label for bare HTML children). */
const Value = ({ children }: { children: ReactNode }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ mb: 3 }} data-testid={testId}>
    <Typography variant="h6" component="h2" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

/** A photo-free profile: who, which party, how to write to them, which seat. */
const Profile = () => {
  const mp = useRecordContext<MpDetailDto>();
  if (!mp) return null;
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mb: 3 }}>
      <Labeled label="Full title">
        <TextField source="fullTitle" emptyText="—" />
      </Labeled>
      <Labeled label="Party">
        <TextField source="party" />
      </Labeled>
      <Labeled label="Email">
        <Value>
          {mp.email ? <a href={`mailto:${mp.email}`}>{mp.email}</a> : 'No email published'} <AddressFailingChip />
        </Value>
      </Labeled>
      <Labeled label="Constituency">
        <Value>
          {mp.constituency ? (
            <Link to={`/constituencies/${mp.constituency.id}/show`}>{mp.constituency.name}</Link>
          ) : (
            'Not a sitting MP'
          )}
        </Value>
      </Labeled>
      {mp.constituency && (
        <Labeled label="Nation and region">
          <Value>
            {mp.constituency.nation === mp.constituency.region
              ? mp.constituency.nation
              : `${mp.constituency.nation}, ${mp.constituency.region}`}
          </Value>
        </Labeled>
      )}
      <Labeled label="Postal address">
        <Value>House of Commons, London SW1A 0AA</Value>
      </Labeled>
    </Box>
  );
};

const Tenures = () => {
  const mp = useRecordContext<MpDetailDto>();
  return mp ? <TenureTable tenures={mp.tenures ?? []} show="constituency" /> : null;
};

/** Filled by the casework and engagement issues; the headings are here so the page's shape is settled. */
const LaterSection = ({ title, text, testId }: { title: string; text: string; testId: string }) => (
  <Section title={title} testId={testId}>
    <Card variant="outlined">
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {text}
        </Typography>
      </CardContent>
    </Card>
  </Section>
);

export const MpShow = () => (
  <Show>
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        <TextField source="name" variant="inherit" />
      </Typography>
      <AddressFailingNotice />
      <Profile />
      <Section title="Tenure">
        <Tenures />
      </Section>
      <LaterSection
        title="Cases"
        testId="mp-cases"
        text="Cases raised with this MP will be listed here once casework is recorded in Campaign Desk."
      />
      <MpRecord />
    </Box>
  </Show>
);
