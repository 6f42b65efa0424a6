import { BadRequestException, ConflictException, type INestApplicationContext } from '@nestjs/common';
import { DirectoryImportService, DirectoryService } from '@campaign-desk/server-directory';
import { SupportersService } from '@campaign-desk/server-supporters';
import { formatImportReport } from './directory-import';

/**
 * A few hundred synthetic supporters for the demo: invented names, `example.org` addresses, Ofcom's
 * drama-range phone numbers, and real postcodes (range starts from the lookup tables) spread evenly
 * over Great Britain's regions. Deterministic, so re-running creates nothing new.
 * Northern Ireland has no offline postcodes, so a handful of NI supporters use a BT postcode with
 * a staff-chosen constituency, as staff would enter them.
 */
const PER_REGION = 26;
const NI_SEATS = ['N05000001', 'N05000002', 'N05000007', 'N05000011', 'N05000015'];
const NI_POSTCODES = ['BT4 3XX', 'BT14 6AB', 'BT34 1AA', 'BT71 4AA', 'BT79 0AA'];

const FIRST = [
  'Amara',
  'Ben',
  'Cerys',
  'Dev',
  'Eilidh',
  'Farah',
  'Gareth',
  'Hana',
  'Iwan',
  'Jess',
  'Kofi',
  'Lena',
  'Mared',
  'Niall',
  'Olu',
  'Priya',
  'Rhys',
  'Sana',
  'Tom',
  'Uma',
  'Vik',
  'Wyn',
  'Yusuf',
  'Zoe',
  'Aled',
  'Bethan',
  'Callum',
  'Deepa',
  'Euan',
  'Fern',
];
const LAST = [
  'Ashdown',
  'Brightwell',
  'Carrow',
  'Dunmore',
  'Elswick',
  'Fenwick',
  'Garside',
  'Holloway',
  'Inchbald',
  'Jessop',
  'Kettering',
  'Lowther',
  'Marchant',
  'Netherby',
  'Oakhurst',
  'Penrose',
  'Quarrie',
  'Redfern',
  'Saltmarsh',
  'Thornbury',
  'Underhill',
  'Vellacott',
  'Wrenfield',
  'Yardley',
];
const STREETS = [
  'Mill Lane',
  'Station Road',
  'Church Street',
  'Park Avenue',
  'Orchard Close',
  'High Street',
  'Meadow View',
  'Quarry Road',
];
const DRAMA_PHONES = ['020 7946 0', '0161 496 0', '0131 496 0', '029 2018 0', '0117 496 0', '0121 496 0'];

/** mulberry32: a small seeded generator, so the demo is the same every time. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoSupporters(
  directory: DirectoryService,
  supporters: SupportersService,
): Promise<{ created: number; existing: number }> {
  const byRegion = new Map<string, string[]>();
  for (const { postcode, constituency } of directory.realPostcodes()) {
    const list = byRegion.get(constituency.summary.region) ?? [];
    list.push(postcode);
    byRegion.set(constituency.summary.region, list);
  }
  const next = random(20261123);
  const people: { postcode: string; override?: string }[] = [];
  for (const region of [...byRegion.keys()].sort()) {
    const postcodes = byRegion.get(region) ?? [];
    for (let i = 0; i < PER_REGION; i++) people.push({ postcode: postcodes[Math.floor(next() * postcodes.length)] });
  }
  NI_POSTCODES.forEach((postcode, i) => people.push({ postcode, override: NI_SEATS[i] }));

  let created = 0;
  let existing = 0;
  for (const [i, person] of people.entries()) {
    const first = FIRST[Math.floor(next() * FIRST.length)];
    const last = LAST[Math.floor(next() * LAST.length)];
    const onHold = next() < 0.03;
    const consents = {
      contactByEmail: next() < 0.9,
      shareWithMp: next() < 0.7,
      shareWithTrust: next() < 0.4,
      media: next() < 0.15,
    };
    const phone =
      next() < 0.6 ? `${DRAMA_PHONES[i % DRAMA_PHONES.length]}${String(i % 1000).padStart(3, '0')}` : undefined;
    try {
      await supporters.create(
        {
          name: `${first} ${last}`,
          email: `${first}.${last}.${String(i + 1).padStart(3, '0')}@example.org`.toLowerCase(),
          phone,
          address: `${1 + Math.floor(next() * 120)} ${STREETS[Math.floor(next() * STREETS.length)]}`,
          postcode: person.postcode,
          constituencyOverride: person.override,
          consents,
          onHold,
          onHoldReason: onHold ? 'Asked us to pause contact for a few weeks' : undefined,
        },
        { id: null },
      );
      created++;
    } catch (error) {
      if (error instanceof ConflictException) existing++;
      // A made-up BT postcode that an online lookup (POSTCODES_IO_URL) does not know: leave it out.
      else if (!(error instanceof BadRequestException && person.override)) throw error;
    }
  }
  return { created, existing };
}

/** Part of `npm run seed:demo`: loads the directory when it is empty, then the demo supporters. */
export async function seedDemoDirectoryAndSupporters(
  app: INestApplicationContext,
  write: (text: string) => void,
): Promise<void> {
  const importer = app.get(DirectoryImportService);
  if (await importer.isEmpty()) write(formatImportReport(await importer.run()));
  const { created, existing } = await seedDemoSupporters(app.get(DirectoryService), app.get(SupportersService));
  write(`Demo supporters: ${created} created, ${existing} already there\n`);
}
