import { Alert, Box, Button, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { LookupCandidate, PostcodeLookupResult } from '@campaign-desk/contracts';
import { formatShare } from './lookupLabels';
import { LookupMethodText } from './LookupMethodText';
import { usePostcodeLookup } from './usePostcodeLookup';

export interface PostcodePreviewProps {
  /** What is typed in the postcode input, as it is typed. */
  postcode: string | null | undefined;
  /** GSS code staff chose over the lookup (null: the lookup stands). */
  overrideId?: string | null;
  /** Given, the preview offers to choose a seat among the candidates (or the Northern Ireland list). */
  onOverride?: (constituencyId: string | null) => void;
}

/**
 * Live answer of the postcode lookup under a postcode input: constituency, MP, how it was found,
 * and when a sector or district straddles seats every candidate with its share.
 */
export const PostcodePreview = ({ postcode, overrideId = null, onOverride }: PostcodePreviewProps) => {
  const { result, problem, looking } = usePostcodeLookup(postcode);
  if (!postcode?.trim()) return null;
  return (
    <Box data-testid="postcode-preview" aria-live="polite" sx={{ mb: 2, maxWidth: 640 }}>
      {looking && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <CircularProgress size={14} />
          <Typography variant="body2" color="text.secondary">
            Looking up the constituency&hellip;
          </Typography>
        </Stack>
      )}
      {problem && !looking && (
        <Typography variant="body2" color={problem.reason === 'unavailable' ? 'warning.main' : 'error'} role="alert">
          {problem.reason === 'unavailable' ? problem.detail : `Postcode ${problem.detail}`}
        </Typography>
      )}
      {result && !problem && (
        <Box sx={{ opacity: looking ? 0.5 : 1 }}>
          {result.method === 'not_covered' ? (
            <NotCovered result={result} overrideId={overrideId} onOverride={onOverride} />
          ) : (
            <Resolved result={result} overrideId={overrideId} onOverride={onOverride} />
          )}
        </Box>
      )}
    </Box>
  );
};

type PartProps = { result: PostcodeLookupResult; overrideId: string | null; onOverride?: (id: string | null) => void };

const Resolved = ({ result, overrideId, onOverride }: PartProps) => {
  const chosen = overrideId ? result.candidates.find((c) => c.constituency.id === overrideId) : undefined;
  const shown = chosen ?? (result.constituency ? { constituency: result.constituency, mp: result.mp } : null);
  if (!shown) return null;
  return (
    <>
      <Typography variant="body2">
        Constituency: <strong data-testid="postcode-preview-constituency">{shown.constituency.name}</strong> (
        {shown.constituency.region}){chosen && ' (chosen by staff)'}
      </Typography>
      <Typography variant="body2">
        MP: <strong>{shown.mp ? `${shown.mp.name} (${shown.mp.party})` : 'vacant'}</strong>
      </Typography>
      <Typography variant="body2" color="text.secondary">
        How it was found: <LookupMethodText method={result.method} /> for {result.postcode}
      </Typography>
      {overrideId && !chosen && <OverrideOutsideCandidates onOverride={onOverride} />}
      {result.ambiguous && <Candidates result={result} overrideId={overrideId} onOverride={onOverride} />}
    </>
  );
};

/** A staff choice that is not among this postcode's candidates (e.g. set before the postcode was corrected). */
const OverrideOutsideCandidates = ({ onOverride }: { onOverride?: (id: string | null) => void }) => (
  <Alert severity="warning" sx={{ mt: 1 }}>
    A constituency chosen by staff is recorded that is not among this postcode&rsquo;s seats.
    {onOverride && (
      <Button size="small" onClick={() => onOverride(null)} sx={{ ml: 1 }}>
        Use the lookup&rsquo;s answer
      </Button>
    )}
  </Alert>
);

const Candidates = ({ result, overrideId, onOverride }: PartProps) => (
  <Box sx={{ mt: 1 }}>
    <Typography variant="body2" color="warning.main">
      {result.postcode} straddles {result.candidates.length} seats; the largest share is shown. Choose another if you
      know the address is there.
    </Typography>
    <Box component="ul" sx={{ pl: 2, my: 0.5 }} aria-label="Candidate constituencies">
      {result.candidates.map((candidate, index) => (
        <CandidateRow
          key={candidate.constituency.id}
          candidate={candidate}
          selected={overrideId ? overrideId === candidate.constituency.id : index === 0}
          isLookupAnswer={index === 0}
          onChoose={onOverride ? () => onOverride(index === 0 ? null : candidate.constituency.id) : undefined}
        />
      ))}
    </Box>
  </Box>
);

const CandidateRow = ({
  candidate,
  selected,
  isLookupAnswer,
  onChoose,
}: {
  candidate: LookupCandidate;
  selected: boolean;
  isLookupAnswer: boolean;
  onChoose?: () => void;
}) => (
  <Typography component="li" variant="body2" sx={{ fontWeight: selected ? 600 : 400 }}>
    {formatShare(candidate.share)} {candidate.constituency.name}
    {candidate.mp ? ` (${candidate.mp.name}, ${candidate.mp.party})` : ''}
    {onChoose &&
      (selected ? (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
          {isLookupAnswer ? 'lookup answer' : 'chosen'}
        </Typography>
      ) : (
        <Button size="small" onClick={onChoose} sx={{ ml: 1, py: 0 }} aria-label={`Use ${candidate.constituency.name}`}>
          Use this seat
        </Button>
      ))}
  </Typography>
);

/** Northern Ireland without an online lookup: the API lists the 18 seats to pick from. */
const NotCovered = ({ result, overrideId, onOverride }: PartProps) => {
  const chosen = result.candidates.find((c) => c.constituency.id === overrideId);
  return (
    <>
      <Alert severity="info" sx={{ mb: 1 }}>
        {result.message ?? `${result.postcode} is not covered by the offline lookup: choose the constituency.`}
      </Alert>
      {onOverride ? (
        <TextField
          select
          size="small"
          label="Northern Ireland constituency"
          value={chosen?.constituency.id ?? ''}
          onChange={(event) => onOverride(event.target.value || null)}
          sx={{ minWidth: 320 }}
        >
          <MenuItem value="">
            <em>Not chosen</em>
          </MenuItem>
          {result.candidates.map((c) => (
            <MenuItem key={c.constituency.id} value={c.constituency.id}>
              {c.constituency.name}
              {c.mp ? ` (${c.mp.name}, ${c.mp.party})` : ''}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <Typography variant="body2">{result.candidates.map((c) => c.constituency.name).join(', ')}</Typography>
      )}
      {chosen && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          MP: <strong>{chosen.mp ? `${chosen.mp.name} (${chosen.mp.party})` : 'vacant'}</strong>
        </Typography>
      )}
    </>
  );
};
