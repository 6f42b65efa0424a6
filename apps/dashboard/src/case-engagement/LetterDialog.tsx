import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Link,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import {
  LETTER_ASKS,
  type CaseDetail,
  type LetterAsk,
  type LetterDraftDto,
  type LetterSendChannel,
} from '@campaign-desk/contracts';
import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../shared/api-errors/apiErrors';
import { londonToday } from '../shared/time';
import { draftLetter, letterDownloadUrl, markLetterSent } from './engagementApi';
import { enumLabelKey } from '../shared/i18n/enumLabels';
import { EnumSelect } from '../shared/i18n/EnumSelect';

const T = 'engagement.letter';

/** One request at a time from the dialog, with the API's message and field errors kept for the form. */
function useDialogRequest() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const run = async <R,>(request: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    setProblem(null);
    setErrors({});
    try {
      return await request();
    } catch (error) {
      setProblem(messageOf(error));
      setErrors(fieldErrorsOf(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, errors, run };
}

/** The letter as drafted: the sample-wording warning first, then the text and where to download it. */
const DraftedLetter = ({ caseId, letter }: { caseId: string; letter: LetterDraftDto }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1}>
      {letter.warnings.map((warning) => (
        <Alert key={warning.code} severity="warning" variant="filled" role="alert" data-testid="letter-warning">
          <strong>{translate(`${T}.warningTitle`)}</strong> {warning.message}
        </Alert>
      ))}
      <Box
        component="pre"
        data-testid="letter-text"
        sx={{
          whiteSpace: 'pre-wrap',
          fontFamily: 'inherit',
          bgcolor: 'action.hover',
          p: 2,
          m: 0,
          maxHeight: 320,
          overflow: 'auto',
          borderRadius: 1,
        }}
      >
        {letter.body}
      </Box>
      <LetterDownloadLinks caseId={caseId} />
    </Stack>
  );
};

export const LetterDownloadLinks = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={2}>
      <Link href={letterDownloadUrl(caseId, 'pdf')} target="_blank" rel="noopener noreferrer">
        {translate(`${T}.downloadPdf`)}
      </Link>
      <Link href={letterDownloadUrl(caseId, 'txt')} download>
        {translate(`${T}.downloadText`)}
      </Link>
    </Stack>
  );
};

interface Props {
  caseRecord: CaseDetail;
  /** The newest letter on the case, if any: its asks are the starting point, a draft is shown as it stands. */
  latest: LetterDraftDto | null;
  onClose: () => void;
}

/**
 * Drafts the supporter's letter to their MP: what they ask the MP to do and their own story; then the
 * text, the PDF to print and sign, and "mark as sent", which records the MP contact (the chase plan starts).
 */
export const LetterDialog = ({ caseRecord, latest, onClose }: Props) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const today = londonToday();
  const [asks, setAsks] = useState<LetterAsk[]>(latest?.asks ?? ['write_to_trust_ceo']);
  const [story, setStory] = useState(caseRecord.summary ?? '');
  const [letter, setLetter] = useState<LetterDraftDto | null>(latest?.status === 'draft' ? latest : null);
  const [channel, setChannel] = useState<LetterSendChannel>('letter');
  const [sentAt, setSentAt] = useState(today);
  // Generating keeps the dialog open (its own errors); marking sent is the dialog's submit (which closes it).
  const drafting = useDialogRequest();
  const toggleAsk = (ask: LetterAsk, on: boolean) =>
    setAsks((current) => LETTER_ASKS.filter((a) => (a === ask ? on : current.includes(a))));
  const generate = async () => {
    const drafted = await drafting.run(() => draftLetter(caseRecord.id, { asks, story: story.trim() || null }));
    if (drafted) {
      setLetter(drafted);
      refresh();
    }
  };
  return (
    <CaseActionDialog
      id="letter"
      title={translate(`${T}.title`, { mp: caseRecord.mpName ?? '' })}
      submitLabel={translate(`${T}.markSent`)}
      submitDisabled={!letter || drafting.busy}
      onSubmit={() => markLetterSent(caseRecord.id, { channel, sentAt })}
      successMessage={`${T}.sent`}
      onClose={onClose}
      closeLabel={translate('engagement.close')}
      maxWidth="md"
    >
      {(sendErrors) => {
        const errors = { ...drafting.errors, ...sendErrors };
        return (
          <>
            <FormControl component="fieldset" error={!!errors.asks}>
              <FormLabel component="legend">{translate(`${T}.asks`)}</FormLabel>
              <FormGroup>
                {LETTER_ASKS.map((ask) => (
                  <FormControlLabel
                    key={ask}
                    control={
                      <Checkbox checked={asks.includes(ask)} onChange={(e) => toggleAsk(ask, e.target.checked)} />
                    }
                    label={translate(enumLabelKey('letterAsk', ask))}
                  />
                ))}
              </FormGroup>
              {errors.asks && <FormHelperText>{errors.asks}</FormHelperText>}
            </FormControl>
            <TextField
              label={translate(`${T}.story`)}
              value={story}
              onChange={(e) => setStory(e.target.value)}
              multiline
              minRows={4}
              error={!!errors.story}
              helperText={errors.story ?? translate(`${T}.storyHelp`)}
            />
            <Box>
              <Button variant="outlined" onClick={generate} disabled={drafting.busy}>
                {translate(letter ? `${T}.regenerate` : `${T}.generate`)}
              </Button>
            </Box>
            {drafting.problem && (
              <Alert severity="error" role="alert">
                {drafting.problem}
              </Alert>
            )}
            {letter && <DraftedLetter caseId={caseRecord.id} letter={letter} />}
            {letter && (
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
                <Typography variant="subtitle2" sx={{ pt: 1 }}>
                  {translate(`${T}.sendHeading`)}
                </Typography>
                <EnumSelect
                  of="letterSendChannel"
                  size="small"
                  label={translate(`${T}.channel`)}
                  value={channel}
                  onChange={(value) => setChannel(value)}
                  error={errors.channel}
                />
                <TextField
                  type="date"
                  size="small"
                  label={translate(`${T}.sentAt`)}
                  value={sentAt}
                  onChange={(e) => setSentAt(e.target.value)}
                  slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
                  error={!!errors.sentAt}
                  helperText={errors.sentAt}
                />
              </Stack>
            )}
          </>
        );
      }}
    </CaseActionDialog>
  );
};
