import { Alert, Box, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { MessageSuggestions, PostcodeSuggestion } from '@campaign-desk/contracts';
import { PriorityChip } from './PriorityChip';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ mb: 2 }}>
    <Typography variant="subtitle2" component="h3">
      {title}
    </Typography>
    {children}
  </Box>
);

const Postcode = ({ suggestion }: { suggestion: PostcodeSuggestion }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1 }} data-testid="postcode-suggestion">
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {suggestion.postcode}
      </Typography>
      {suggestion.constituency ? (
        <Typography variant="body2">
          <Link component={RouterLink} to={`/constituencies/${encodeURIComponent(suggestion.constituency.id)}/show`}>
            {suggestion.constituency.name}
          </Link>
        </Typography>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {suggestion.problem}
        </Typography>
      )}
      {suggestion.mp && (
        <Typography variant="body2">
          <Link component={RouterLink} to={`/mps/${suggestion.mp.id}/show`}>
            {translate('triage.suggestions.mp', { name: suggestion.mp.name, party: suggestion.mp.party })}
          </Link>
        </Typography>
      )}
      {suggestion.ambiguous && (
        <Alert severity="warning" sx={{ mt: 0.5, py: 0 }}>
          {translate('triage.suggestions.ambiguous')}
        </Alert>
      )}
    </Box>
  );
};

/** What the server proposes for this request; the create-case dialog starts from the same suggestions. */
export const SuggestionsPanel = ({ suggestions }: { suggestions: MessageSuggestions }) => {
  const translate = useTranslate();
  const none = (
    <Typography variant="body2" color="text.secondary">
      {translate('triage.suggestions.none')}
    </Typography>
  );
  const { supporter } = suggestions;
  return (
    <Card variant="outlined" data-testid="suggestions">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('triage.suggestions.title')}
        </Typography>
        {suggestions.claimedCase && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="claimed-case">
            {translate('triage.suggestions.claimedCase', { reference: suggestions.claimedCase.reference })}
          </Alert>
        )}
        <Section title={translate('triage.suggestions.supporter')}>
          {supporter.match === 'existing' ? (
            <Typography variant="body2">
              <Link component={RouterLink} to={`/supporters/${supporter.supporterId}/show`}>
                {translate('triage.suggestions.existing', { name: supporter.name })}
              </Link>
            </Typography>
          ) : (
            <Typography variant="body2">
              {translate('triage.suggestions.newSupporter', { name: supporter.name || supporter.email || '—' })}
            </Typography>
          )}
        </Section>
        <Section title={translate('triage.suggestions.postcodes')}>
          {suggestions.postcodes.length ? (
            suggestions.postcodes.map((p) => <Postcode key={p.postcode} suggestion={p} />)
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('triage.suggestions.noPostcodes')}
            </Typography>
          )}
        </Section>
        <Section title={translate('triage.suggestions.topics')}>
          {suggestions.topics.length ? (
            <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
              {suggestions.topics.map((t) => (
                <Chip key={t} size="small" label={translate(enumLabelKey('topic', t))} />
              ))}
            </Stack>
          ) : (
            none
          )}
        </Section>
        <Section title={translate('triage.suggestions.urgency')}>
          <PriorityChip priority={suggestions.priority} />
          {suggestions.matchedRules.length > 0 && (
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
              {translate('triage.suggestions.matchedRules', {
                keywords: suggestions.matchedRules.map((r) => `“${r.keyword}”`).join(', '),
              })}
            </Typography>
          )}
        </Section>
        <Section title={translate('triage.suggestions.trusts')}>
          {suggestions.trusts.length
            ? suggestions.trusts.map((t) => (
                <Typography key={t} variant="body2">
                  {t}
                </Typography>
              ))
            : none}
        </Section>
      </CardContent>
    </Card>
  );
};
