import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import InsightsIcon from '@mui/icons-material/Insights';
import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import ScheduleSendIcon from '@mui/icons-material/ScheduleSend';
import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { CASE_VIEW_SORTS, MIN_CONTACTS_TO_RANK, type CaseView, type HomeSummary } from '@campaign-desk/contracts';
import { formatInterval, formatRate } from '../shared/numbers/figures';
import { useHomeSummary } from '../reports';
import { londonToday } from '../shared/time';
import { CardWithIcon } from './CardWithIcon';
import { ReadAlertsNotice } from '../audit-events/ReadAlertsNotice';

const W = 'home.widgets';

/** A react-admin list address with its filter and sort, as the list itself writes it. */
const listUrl = (resource: string, filter: Record<string, unknown>, sort: { field: string; order: 'ASC' | 'DESC' }) =>
  `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter), sort: sort.field, order: sort.order, page: '1' })}`;
const caseViewUrl = (view: CaseView) => listUrl('cases', { view }, CASE_VIEW_SORTS[view]);

type CountField = Exclude<keyof HomeSummary, 'responseRateLast90Days'>;

/** One count of the home summary. Each widget reads the shared summary query (one request for all of them). */
const CountWidget = ({
  field,
  icon,
  to,
}: {
  field: CountField;
  icon: ComponentType<{ fontSize?: 'large' }>;
  to: string;
}) => {
  const translate = useTranslate();
  const { data, error } = useHomeSummary();
  return (
    <CardWithIcon
      testId={`widget-${field}`}
      to={to}
      icon={icon}
      title={translate(`${W}.${field}`)}
      value={data?.[field]}
      error={error ? translate('home.loadFailed') : undefined}
    />
  );
};

/** The response rate over contacts made 28 to 118 days ago, with its interval, or "too few to rank". */
const ResponseRateWidget = () => {
  const translate = useTranslate();
  const { data, error } = useHomeSummary();
  const summary = data?.responseRateLast90Days;
  const tooFew = summary !== undefined && summary.contacts < MIN_CONTACTS_TO_RANK;
  const value =
    summary === undefined
      ? undefined
      : tooFew
        ? translate(`${W}.tooFewToRank`, { contacts: summary.contacts })
        : formatRate(summary.rate);
  const detail =
    summary && !tooFew
      ? translate(`${W}.responseRateDetail`, {
          interval: formatInterval(summary.low, summary.high),
          contacts: summary.contacts,
        })
      : undefined;
  return (
    <CardWithIcon
      testId="widget-responseRate"
      to="/reports"
      icon={InsightsIcon}
      title={translate(`${W}.responseRate`)}
      value={value}
      detail={detail}
      error={error ? translate('home.loadFailed') : undefined}
    />
  );
};

/** The start page: a greeting and small self-loading widgets, each linking to the list behind its figure. */
export const Home = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cd.menu.home" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {identity?.fullName
              ? translate('home.welcome', { name: identity.fullName })
              : translate('home.welcomeAnonymous')}
          </Typography>
          <Typography variant="body1">{translate('home.intro')}</Typography>
        </CardContent>
      </Card>
      <ReadAlertsNotice />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }} data-testid="home-widgets">
        <CountWidget
          field="newRequestsToday"
          icon={MarkEmailUnreadIcon}
          to={listUrl('cases', { createdFrom: londonToday() }, { field: 'createdAt', order: 'DESC' })}
        />
        <CountWidget field="unassigned" icon={PersonOffIcon} to={caseViewUrl('unassigned')} />
        <CountWidget field="overdue" icon={AssignmentLateIcon} to={caseViewUrl('overdue')} />
        <CountWidget field="awaitingMpOver21Days" icon={HourglassBottomIcon} to={caseViewUrl('awaiting_mp_21d')} />
        <CountWidget
          field="chasesDueThisWeek"
          icon={ScheduleSendIcon}
          to={listUrl('scheduled-emails', { status: 'scheduled' }, { field: 'dueAt', order: 'ASC' })}
        />
        <ResponseRateWidget />
      </Box>
    </Box>
  );
};
