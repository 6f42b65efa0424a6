import PhoneIcon from '@mui/icons-material/Phone';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { Alert, Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import type { ChaseTaskDto, ScheduledEmailDto } from '@campaign-desk/contracts';
import { CancelReasonText, ScheduledEmailActions, ScheduledEmailStatusChip } from '../scheduled-emails';
import { formatLondonDateTime } from '../shared/time';
import type { CaseSectionProps } from './CaseCorrespondence';
import { messageOf } from '../shared/api-errors/apiErrors';
import { completeChaseTask } from './correspondenceApi';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const SE = 'resources.scheduled-emails';
const T = 'correspondence.panel';

const ScheduledEmailsTable = ({ emails }: { emails: ScheduledEmailDto[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate(`${T}.scheduledEmails`)}>
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${SE}.fields.kind`)}</TableCell>
          <TableCell>{translate(`${T}.when`)}</TableCell>
          <TableCell>{translate(`${SE}.fields.status`)}</TableCell>
          <TableCell>{translate(`${T}.details`)}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {emails.map((email) => (
          <TableRow key={email.id} data-testid="scheduled-email" data-kind={email.kind} data-status={email.status}>
            <TableCell>
              {translate(enumLabelKey('scheduledEmailKind', email.kind))}
              {email.subject && (
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {email.subject}
                </Typography>
              )}
            </TableCell>
            <TableCell>{formatLondonDateTime(email.sentAt ?? email.dueAt)}</TableCell>
            <TableCell>
              <ScheduledEmailStatusChip email={email} />
            </TableCell>
            <TableCell>
              <CancelReasonText email={email} />
              {email.lastError && (
                <Typography variant="caption" color="error" sx={{ display: 'block' }}>
                  {email.lastError}
                </Typography>
              )}
            </TableCell>
            <TableCell align="right">
              <ScheduledEmailActions email={email} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const ChaseTasks = ({ tasks }: { tasks: ChaseTaskDto[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string>();
  const canAct = permissions === 'admin' || permissions === 'caseworker';
  const done = async (task: ChaseTaskDto) => {
    try {
      await completeChaseTask(task.id);
      notify(`${T}.taskDone`, { type: 'info' });
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    }
    refresh();
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{translate(`${T}.tasks`)}</Typography>
      {tasks.map((task) => (
        <Box key={task.id} data-testid="chase-task" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}>
          {task.kind === 'check_mp_address' ? (
            <WarningIcon fontSize="small" color="warning" />
          ) : (
            <PhoneIcon fontSize="small" color="action" />
          )}
          <Typography variant="body2" sx={{ flex: 1 }}>
            {translate(enumLabelKey('chaseTaskKind', task.kind), { dueAt: formatLondonDateTime(task.dueAt) })}
          </Typography>
          {canAct && (
            <Button size="small" onClick={() => done(task)}>
              {translate(`${T}.markDone`)}
            </Button>
          )}
        </Box>
      ))}
    </Box>
  );
};

const isGoingOut = (email: ScheduledEmailDto) =>
  email.status === 'sending' || (email.status === 'scheduled' && Date.parse(email.dueAt) < Date.now() + 60_000);

/**
 * The case's outbound email and chase plan: every scheduled email with its due time (London),
 * status, why it was cancelled and the last error, with cancel / reschedule / send now; then the
 * open telephone tasks. An `unknown` email is flagged at the top for a person to decide.
 */
export const CaseCorrespondencePanel = ({ caseRecord }: CaseSectionProps) => {
  const translate = useTranslate();
  const { data: emails = [], isPending } = useGetList<ScheduledEmailDto>(
    'scheduled-emails',
    {
      filter: { caseId: caseRecord.id },
      sort: { field: 'dueAt', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    // While something is going out (or about to), follow it until it is sent or fails.
    { refetchInterval: (query) => (query.state.data?.data.some(isGoingOut) ? 3000 : false) },
  );
  const { data: tasks = [] } = useGetList<ChaseTaskDto>('chase-tasks', {
    filter: { caseId: caseRecord.id, status: 'open' },
    sort: { field: 'dueAt', order: 'ASC' },
    pagination: { page: 1, perPage: 20 },
  });
  const unknown = emails.filter((e) => e.status === 'unknown').length;
  return (
    <Box component="section" aria-label={translate(`${T}.title`)}>
      <Typography variant="h6" gutterBottom>
        {translate(`${T}.title`)}
      </Typography>
      {unknown > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate(`${T}.unknown`, { smart_count: unknown })} {translate(`${SE}.unknownHelp`)}
        </Alert>
      )}
      {!isPending && emails.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate(`${T}.none`)}
        </Typography>
      ) : (
        <ScheduledEmailsTable emails={emails} />
      )}
      {tasks.length > 0 && <ChaseTasks tasks={tasks} />}
    </Box>
  );
};
