import { useState } from 'react';
import { Create, HttpError, SimpleForm, useNotify, type CreateProps } from 'react-admin';
import { DuplicateWarning } from './DuplicateWarning';
import { asDuplicate, type DuplicateMatch } from './duplicates';
import { SupporterInputs } from './SupporterInputs';
import { toCreatePayload } from './supporterPayload';

const DEFAULT_VALUES = {
  consents: { contactByEmail: false, shareWithMp: false, shareWithTrust: false, media: false },
  onHold: false,
  constituencyOverride: null,
};

/**
 * A likely duplicate (409 with `existingId`) becomes a warning in the form, with a link to the existing
 * record and a "Create anyway" button; any other error is handled as react-admin would.
 */
export const SupporterCreate = (props: CreateProps) => {
  const notify = useNotify();
  const [duplicate, setDuplicate] = useState<DuplicateMatch | null>(null);
  const onError = (error: unknown) => {
    const match = asDuplicate(error);
    setDuplicate(match);
    if (match) return;
    const hasFieldErrors =
      error instanceof HttpError && error.body?.errors && Object.keys(error.body.errors).length > 0;
    if (!hasFieldErrors)
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
  };
  return (
    <Create {...props} redirect="show" transform={(values) => toCreatePayload(values)} mutationOptions={{ onError }}>
      <SimpleForm defaultValues={DEFAULT_VALUES} sx={{ maxWidth: 680 }}>
        {duplicate && <DuplicateWarning duplicate={duplicate} />}
        <SupporterInputs />
      </SimpleForm>
    </Create>
  );
};
