import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { CaseDetail } from '@campaign-desk/contracts';
import { ActionDialog } from './ActionDialog';
import { assignCase } from './caseApi';
import { AssigneeSelect, type AssigneeChoice } from './AssigneeSelect';
import { useMyId } from './roles';
import { useCaseAction } from './useCaseAction';

/** "Assign to me" (unless it is already mine) and assign/reassign to anyone, or unassign. */
export const AssignActions = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const myId = useMyId();
  const { busy, run } = useCaseAction();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<AssigneeChoice>('');
  const assign = (assigneeId: string | null) =>
    run(() => assignCase(record.id, assigneeId), 'resources.cases.notifications.assigned');

  const confirm = async () => {
    if (await assign(choice === 'nobody' ? null : choice)) {
      setOpen(false);
      setChoice('');
    }
  };

  return (
    <>
      {myId && record.assigneeId !== myId && (
        <Button size="small" variant="contained" disabled={busy} onClick={() => assign(myId)}>
          {translate('resources.cases.assign.toMe')}
        </Button>
      )}
      <Button size="small" disabled={busy} onClick={() => setOpen(true)}>
        {translate(record.assigneeId ? 'resources.cases.assign.reassign' : 'resources.cases.assign.assign')}
      </Button>
      <ActionDialog
        open={open}
        title={translate('resources.cases.assign.title', { reference: record.reference })}
        confirmLabel={translate('resources.cases.assign.confirm')}
        canConfirm={!!choice}
        busy={busy}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <AssigneeSelect value={choice} onChange={setChoice} exclude={record.assigneeId} />
      </ActionDialog>
    </>
  );
};
