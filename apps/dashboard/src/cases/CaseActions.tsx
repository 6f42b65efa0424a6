import { Button } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { EditButton, TopToolbar, useTranslate } from 'react-admin';
import { allowedTransitions, type CaseDetail, type CaseStatus } from '@campaign-desk/contracts';
import { AssignActions } from './AssignActions';
import { transitionCase } from './caseApi';
import { transitionLabelKey } from './caseFormat';
import { CloseCaseDialog } from './CloseCaseDialog';
import { useCanWorkCases } from './roles';
import { useCaseAction } from './useCaseAction';
import { enumLabelKey } from '../shared/i18n/enumLabels';

/** Only the moves the workflow allows from here (the server checks again and answers 409 otherwise). */
const TransitionButtons = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const { busy, run } = useCaseAction();
  const [closing, setClosing] = useState(false);
  const targets: CaseStatus[] = record.allowedTransitions ?? allowedTransitions(record.status, record.heldFromStatus);
  const move = (to: CaseStatus) =>
    run(() => transitionCase(record.id, { to }), 'resources.cases.notifications.moved', {
      status: translate(enumLabelKey('caseStatus', to)),
    });
  return (
    <>
      {targets.map((to) => (
        <Button
          key={to}
          size="small"
          variant="outlined"
          color={to === 'closed' ? 'warning' : 'primary'}
          disabled={busy}
          onClick={() => (to === 'closed' ? setClosing(true) : move(to))}
        >
          {translate(transitionLabelKey(record.status, to))}
        </Button>
      ))}
      <CloseCaseDialog record={record} open={closing} onClose={() => setClosing(false)} />
    </>
  );
};

/** The case page's actions: workflow, assignment, edit, then `children` (what other features add). Nothing for viewers. */
export const CaseActions = ({ record, children }: { record: CaseDetail | undefined; children?: ReactNode }) => {
  const canWork = useCanWorkCases();
  if (!record || !canWork) return <TopToolbar />;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="case-actions">
      <TransitionButtons record={record} />
      <AssignActions record={record} />
      <EditButton />
      {children}
    </TopToolbar>
  );
};
