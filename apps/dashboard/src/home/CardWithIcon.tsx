import { Box, Card, CardActionArea, Divider, Skeleton, Typography } from '@mui/material';
import type { ComponentType, ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface Props {
  to: string;
  icon: ComponentType<{ fontSize?: 'large' }>;
  title: string;
  /** The figure; undefined while it loads. */
  value: ReactNode | undefined;
  /** Said instead of the figure when it failed to load. */
  error?: string;
  detail?: ReactNode;
  testId: string;
}

/** A KPI card after react-admin's demo: an icon, a title, one figure, linking to the list behind it. */
export const CardWithIcon = ({ to, icon: Icon, title, value, error, detail, testId }: Props) => (
  <Card sx={{ minHeight: 52, display: 'flex', flexDirection: 'column', flex: '1 1 260px' }} data-testid={testId}>
    <CardActionArea component={Link} to={to} sx={{ flex: 1 }}>
      <Box
        sx={{
          p: 2,
          display: 'flex',
          alignItems: 'center',
          gap: 2,
          justifyContent: 'space-between',
          color: 'primary.main',
        }}
      >
        <Icon fontSize="large" />
        <Box sx={{ textAlign: 'right' }}>
          <Typography color="text.secondary">{title}</Typography>
          {error ? (
            <Typography color="error" variant="body2" role="alert">
              {error}
            </Typography>
          ) : value === undefined ? (
            <Skeleton variant="text" width={60} sx={{ ml: 'auto', fontSize: '2rem' }} data-testid="widget-loading" />
          ) : (
            <Typography variant="h5" component="p" color="text.primary" data-testid="widget-value">
              {value}
            </Typography>
          )}
        </Box>
      </Box>
      {detail && (
        <>
          <Divider />
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }} data-testid="widget-detail">
            {detail}
          </Typography>
        </>
      )}
    </CardActionArea>
  </Card>
);
