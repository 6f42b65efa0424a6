import { Card, CardContent, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { DataLicences } from './DataLicences';

/** `/about`: what Campaign Desk is and where its data comes from. */
export const AboutPage = () => (
  <Card sx={{ mt: 2 }}>
    <Title title="About Campaign Desk" />
    <CardContent>
      <Typography variant="h5" component="h1" gutterBottom>
        About Campaign Desk
      </Typography>
      <Typography variant="body1" sx={{ mb: 2 }}>
        Campaign Desk is the charity campaigns team&rsquo;s case tracker. Supporters write in about delays and problems
        in their cancer care; the team triages each request, finds the supporter&rsquo;s constituency and MP, writes to
        the MP, chases a reply and records what the MP did.
      </Typography>
      <Typography variant="h6" component="h2" gutterBottom>
        Data sources and licences
      </Typography>
      <DataLicences />
    </CardContent>
  </Card>
);
