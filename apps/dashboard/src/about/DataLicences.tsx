import { Box, Link, List, ListItem, Typography } from '@mui/material';
import type { ReactNode } from 'react';

interface Attribution {
  dataset: string;
  source: ReactNode;
  licence: string;
  /** Attribution text a licence requires word for word. */
  notice?: string;
}

// The wording follows ../shared/data/uk-parliament/README.md "Provenance and licences", which
// asks that these attributions be kept wherever the data is shown. Links are plain hrefs: nothing is fetched.
const ATTRIBUTIONS: Attribution[] = [
  {
    dataset: 'Constituencies and 2024 results',
    source: (
      <>
        House of Commons Library, CBP-10009 (
        <Link href="https://researchbriefings.files.parliament.uk/documents/CBP-10009/HoC-GE2024-results-by-constituency.csv">
          researchbriefings.files.parliament.uk/documents/CBP-10009/HoC-GE2024-results-by-constituency.csv
        </Link>
        ).
      </>
    ),
    licence: 'Open Parliament Licence v3.0.',
  },
  {
    dataset: 'Current MPs, member ids, emails',
    source: (
      <>
        Department for Education <code>mp-lookup</code> (
        <Link href="https://github.com/dfe-analytical-services/mp-lookup">
          github.com/dfe-analytical-services/mp-lookup
        </Link>
        , mp_lookup.csv, 2026-06-27), built from UK Parliament Members data (Open Parliament Licence v3.0) and ONS Open
        Geography (Open Government Licence v3.0).
      </>
    ),
    licence: 'Open Parliament Licence v3.0; Open Government Licence v3.0.',
  },
  {
    dataset: 'TheyWorkForYou ids and seat-since dates',
    source: (
      <>
        open-innovations/constituencies (lookups/current-MPs.csv), built from the UK Parliament Members API (OPL v3.0)
        and TheyWorkForYou.
      </>
    ),
    licence: 'Open Parliament Licence v3.0.',
  },
  {
    dataset: 'Postcode lookups',
    source: (
      <>
        mySociety <code>2025-constituencies</code> (
        <Link href="https://pages.mysociety.org/2025-constituencies">pages.mysociety.org/2025-constituencies</Link>),
        applied to OS Code-Point Open (OGL v3.0).
      </>
    ),
    licence: 'CC BY 4.0; Open Government Licence v3.0.',
    notice:
      'Contains OS data © Crown copyright and database right 2023; Contains Royal Mail data © Royal Mail copyright and database right 2023; Contains National Statistics data © Crown copyright and database right 2023',
  },
  {
    dataset: 'postcodes.io docs and schema; Members API examples',
    source: <>ideal-postcodes/postcodes.io (MIT). Members API examples: real API responses (OPL v3.0).</>,
    licence: 'MIT; Open Parliament Licence v3.0.',
  },
];

/** Sources and licences of the constituency, MP and postcode data (the About page). */
export const DataLicences = () => (
  <Box data-testid="data-licences">
    <List dense disablePadding>
      {ATTRIBUTIONS.map(({ dataset, source, licence, notice }) => (
        <ListItem key={dataset} disableGutters sx={{ display: 'block', mb: 1 }}>
          <Typography variant="subtitle2" component="h3">
            {dataset}
          </Typography>
          <Typography variant="body2">{source}</Typography>
          <Typography variant="body2" color="text.secondary">
            Licence: {licence}
          </Typography>
          {notice && (
            <Typography variant="body2" sx={{ mt: 0.5, fontStyle: 'italic' }} data-testid="required-attribution">
              {notice}
            </Typography>
          )}
        </ListItem>
      ))}
    </List>
    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
      Northern Ireland postcodes are not in the offline lookup; when an online lookup is configured they are resolved
      through postcodes.io. A production deployment re-downloads these data sets from the official sources on a
      schedule.
    </Typography>
  </Box>
);
