import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity } from 'react-admin';

/** The start page; dashboard widgets are added here as their features land. */
export const Home = () => {
  const { identity } = useGetIdentity();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="cd.menu.home" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {identity?.fullName ? `Welcome, ${identity.fullName}` : 'Welcome'}
        </Typography>
        <Typography variant="body1">
          Campaign Desk tracks supporters&rsquo; requests to escalate their cancer care to their MP, from the first email to
          the MP&rsquo;s response.
        </Typography>
      </CardContent>
    </Card>
  );
};
