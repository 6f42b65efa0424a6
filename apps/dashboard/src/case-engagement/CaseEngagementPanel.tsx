import { Box, Chip, Stack, Typography } from '@mui/material';
import { usePermissions, useTranslate } from 'react-admin';
import type { CaseDetail } from '@campaign-desk/contracts';
import { formatLondonDateTime } from '../shared/time';
import { LetterDownloadLinks } from './LetterDialog';
import { MeetingsSection } from './MeetingsSection';
import { MpActionsSection } from './MpActionsSection';
import { canWorkEngagement, useCaseLetter } from './useCaseLetter';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const T = 'engagement.panel';

/** The newest letter: drafted or sent (how and when), with its downloads for those who may export it. */
const LetterStatus = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  const { data: letter, isPending } = useCaseLetter(caseId);
  if (isPending) return null;
  return (
    <Box data-testid="letter-status" data-status={letter?.status ?? 'none'}>
      <Typography variant="subtitle1">{translate(`${T}.letter`)}</Typography>
      {!letter ? (
        <Typography variant="body2" color="text.secondary">
          {translate(`${T}.noLetter`)}
        </Typography>
      ) : (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Chip
            size="small"
            label={translate(enumLabelKey('letterStatus', letter.status))}
            color={letter.status === 'sent' ? 'success' : 'default'}
            variant="outlined"
          />
          <Typography variant="body2">
            {letter.status === 'sent' && letter.sentChannel
              ? translate(`${T}.letterSent`, {
                  channel: translate(enumLabelKey('letterSendChannel', letter.sentChannel)),
                  when: formatLondonDateTime(letter.sentAt),
                })
              : translate(`${T}.letterDrafted`, { when: formatLondonDateTime(letter.createdAt) })}
          </Typography>
          {canWorkEngagement(permissions) && <LetterDownloadLinks caseId={caseId} />}
        </Stack>
      )}
    </Box>
  );
};

/** MP engagement on the case page: the letter, meetings with their agreed actions, and what the MP did. */
export const CaseEngagementPanel = ({ caseRecord }: { caseRecord: CaseDetail }) => {
  const translate = useTranslate();
  return (
    <Box component="section" aria-label={translate(`${T}.title`)} sx={{ mt: 3 }}>
      <Typography variant="h6" gutterBottom>
        {translate(`${T}.title`)}
      </Typography>
      <LetterStatus caseId={caseRecord.id} />
      <MeetingsSection caseId={caseRecord.id} />
      <MpActionsSection caseId={caseRecord.id} />
    </Box>
  );
};
