import type { FontKey } from '../pdf/font-files.ts';

/** A person whose name is written in one script, for the tests and the bench of PDFs in every script. */
export interface ScriptPerson {
  script: string;
  /** The font that must be embedded to print the name. */
  font: FontKey;
  familyName: string;
  givenName: string;
  /** The name in its own script as a letter prints it (`letterName`). */
  printed: string;
  nationality: string;
}

/**
 * One visitor per script the records hold, each name as it is written in its own script: the
 * delegation of the PDF script test, of `bench/pdf-bench.ts` and of the closing pictures.
 */
export const SCRIPT_DELEGATION: ScriptPerson[] = [
  // The head of the delegation: her passport name in Latin letters, her name in Arabic beside it.
  { script: 'Arabic', font: 'arabic', givenName: 'فاطمة', familyName: 'الراشد', printed: 'فاطمة الراشد', nationality: 'SA' },
  { script: 'Hebrew', font: 'hebrew', givenName: 'נועה', familyName: 'כהן', printed: 'נועה כהן', nationality: 'IL' },
  { script: 'Thai', font: 'thai', givenName: 'สมชาย', familyName: 'ศรีสุข', printed: 'สมชาย ศรีสุข', nationality: 'TH' },
  { script: 'Devanagari', font: 'devanagari', givenName: 'प्रिया', familyName: 'शर्मा', printed: 'प्रिया शर्मा', nationality: 'IN' },
  { script: 'Bengali', font: 'bengali', givenName: 'রহিম', familyName: 'চৌধুরী', printed: 'রহিম চৌধুরী', nationality: 'BD' },
  { script: 'Khmer', font: 'khmer', givenName: 'ដារ៉ា', familyName: 'សុខ', printed: 'ដារ៉ា សុខ', nationality: 'KH' },
  { script: 'Lao', font: 'lao', givenName: 'ສົມພອນ', familyName: 'ແກ້ວມະນີ', printed: 'ສົມພອນ ແກ້ວມະນີ', nationality: 'LA' },
  { script: 'Burmese', font: 'myanmar', givenName: 'အောင်', familyName: 'ကျော်', printed: 'အောင် ကျော်', nationality: 'MM' },
  { script: 'Sinhala', font: 'sinhala', givenName: 'නිමල්', familyName: 'පෙරේරා', printed: 'නිමල් පෙරේරා', nationality: 'LK' },
  { script: 'Ethiopic', font: 'ethiopic', givenName: 'አበበ', familyName: 'ተሰማ', printed: 'አበበ ተሰማ', nationality: 'ET' },
  { script: 'Hangul', font: 'hangul', givenName: '민준', familyName: '김', printed: '김민준', nationality: 'KR' },
  { script: 'Cyrillic', font: 'latin', givenName: 'Анна', familyName: 'Иванова', printed: 'Анна ИВАНОВА', nationality: 'RU' },
  { script: 'Vietnamese', font: 'latin', givenName: 'Thị Hồng', familyName: 'Nguyễn', printed: 'Thị Hồng NGUYỄN', nationality: 'VN' },
];
