/**
 * Makes the committed test fixture src/server/modules/documents/fixtures/delegation-letter.docx:
 * an invitation letter template as an office would write it, with a placeholder cut across
 * two runs the way Word leaves it after an edit, and the delegation's members in a loop.
 * Run once (`npx tsx scripts/make-docx-fixture.ts`); the same source gives the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { buildDocx } from '../src/server/modules/documents/docx-build.ts';

const content = buildDocx(
  [
    { text: '{hostUnit}', bold: true, align: 'center' },
    { text: 'Ref. {reference} — {date}', align: 'right' },
    // "{visitorName}" cut after "{visitor": docxtemplater must read the tag across the runs.
    { text: 'Dear {visitorName},', splitAt: [13] },
    { text: 'You are invited from {startDate} to {endDate} for “{visitTitle}”.' },
    { text: 'Delegation of {delegationSize}:' },
    { text: '{#members}{name} ({country}){/members}' },
  ],
  'Interchange test fixture',
);
writeFileSync(new URL('../src/server/modules/documents/fixtures/delegation-letter.docx', import.meta.url), content);
