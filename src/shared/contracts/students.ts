import { z } from 'zod';
import { CountryCode, Id, IsoDate, OptionalText, PageQuery, Versioned, updateFields, RequiredName, OptionalName, WholeNumber } from './common.ts';

/**
 * The level of study of an international student's enrolment: the seed's three degree levels
 * ("undergraduate programs", "master's degree programs", "doctoral programs"), and non-degree
 * study (language year, visiting student), which the degree-student figures leave out.
 */
export const STUDENT_LEVELS = ['bachelor', 'master', 'doctorate', 'non_degree'] as const;
export const StudentLevel = z.enum(STUDENT_LEVELS);
export type StudentLevel = z.infer<typeof StudentLevel>;

/** The levels the fact sheet's "foreign students" count. */
export const DEGREE_LEVELS = ['bachelor', 'master', 'doctorate'] as const satisfies readonly StudentLevel[];
export type DegreeLevel = (typeof DEGREE_LEVELS)[number];

/** Who pays: the Chinese Government Scholarship (CSC), the Shanghai Government Scholarship, ours, the home government's, or the student. */
export const STUDENT_FUNDING = ['csc_scholarship', 'shanghai_scholarship', 'university_scholarship', 'home_government', 'self_funded', 'other'] as const;
export const StudentFunding = z.enum(STUDENT_FUNDING);
export type StudentFunding = z.infer<typeof StudentFunding>;

/** The language the programme is taught in: MBBS in English, medicine in Chinese, the French track. */
export const INSTRUCTION_LANGUAGES = ['zh', 'en', 'fr'] as const;
export const InstructionLanguage = z.enum(INSTRUCTION_LANGUAGES);
export type InstructionLanguage = z.infer<typeof InstructionLanguage>;

/**
 * An enrolment's life: admitted (an offer accepted) → enrolled (registered, studying) →
 * graduated; it may be suspended and resumed, or end early (withdrawn, transferred).
 */
export const STUDENT_STATUSES = ['admitted', 'enrolled', 'suspended', 'graduated', 'withdrawn', 'transferred'] as const;
export const StudentStatus = z.enum(STUDENT_STATUSES);
export type StudentStatus = z.infer<typeof StudentStatus>;

/** The steps an enrolment may take from each status. */
export const STUDENT_TRANSITIONS: Record<StudentStatus, readonly StudentStatus[]> = {
  admitted: ['enrolled', 'withdrawn'],
  enrolled: ['suspended', 'graduated', 'withdrawn', 'transferred'],
  suspended: ['enrolled', 'withdrawn'],
  graduated: [],
  withdrawn: [],
  transferred: [],
};

/** Statuses an enrolment can be deleted in: an admission that never became a registration. */
export const STUDENT_DELETABLE_STATUSES: readonly StudentStatus[] = ['admitted'];

/**
 * Statuses that count a student in the figures (with the registration date in the period):
 * studying, suspended, or graduated. Withdrawn and transferred students stop counting from the
 * day they left; an admission never registered never counts.
 */
export const STUDENT_COUNTED_STATUSES: readonly StudentStatus[] = ['enrolled', 'suspended', 'graduated'];

const Fields = {
  level: StudentLevel,
  programmeEn: RequiredName(300),
  programmeZh: OptionalName(300),
  /** The school or department that teaches the student: a coordinator's scope. */
  unitId: Id,
  funding: StudentFunding.default('self_funded'),
  instructionLanguage: InstructionLanguage.default('zh'),
  studentNumber: OptionalText(50),
  admittedOn: IsoDate,
  expectedCompletionOn: IsoDate.nullish().transform((v) => v ?? null),
  notes: OptionalText(10000),
};

/**
 * Recording an admission (it starts as admitted). The country counted is the person's
 * nationality at that moment unless given: it is kept on the enrolment, so that a later change
 * of the person's nationality does not rewrite the figures of past years. An enrolment of the
 * past (a graduate of 1985 entered today) can be recorded as it stands, with its status and
 * the dates that status rests on, in one write.
 */
export const StudentEnrolmentInput = z.object({
  personId: Id,
  ...Fields,
  countryCode: CountryCode.nullish().or(z.literal('')).transform((v) => (v ? v : undefined)),
  status: StudentStatus.default('admitted'),
  enrolledOn: IsoDate.nullish().transform((v) => v ?? null),
  completedOn: IsoDate.nullish().transform((v) => v ?? null),
  degreeAwarded: OptionalName(300),
  leftOn: IsoDate.nullish().transform((v) => v ?? null),
});
export type StudentEnrolmentInput = z.input<typeof StudentEnrolmentInput>;

/** Changing an enrolment's fields (not its person or status; the dates of steps taken can be corrected). */
export const StudentEnrolmentUpdate = z
  .object(
    updateFields({
      ...Fields,
      countryCode: CountryCode,
      enrolledOn: IsoDate.nullable(),
      completedOn: IsoDate.nullable(),
      leftOn: IsoDate.nullable(),
      degreeAwarded: OptionalName(300),
    }),
  )
  .extend(Versioned.shape);
export type StudentEnrolmentUpdate = z.input<typeof StudentEnrolmentUpdate>;

/**
 * One step, dated `on` (default today). Enrolling the first time sets the registration date
 * (resuming after a suspension keeps it); graduating may name the degree awarded.
 */
export const StudentTransition = z.object({
  to: StudentStatus,
  on: IsoDate.optional(),
  degreeAwarded: OptionalName(300),
  version: Versioned.shape.version,
});
export type StudentTransition = z.input<typeof StudentTransition>;

/** The student as lists show them: names in each script, nationality today. */
export const StudentPerson = z.object({
  familyName: z.string(),
  givenName: z.string().nullable(),
  nameZh: z.string().nullable(),
  otherNames: z.array(z.string()),
  gender: z.string().nullable(),
  nationality: z.string().nullable(),
});
export type StudentPerson = z.infer<typeof StudentPerson>;

export const StudentEnrolment = z.object({
  id: z.number(),
  personId: z.number(),
  person: StudentPerson,
  level: StudentLevel,
  programmeEn: z.string(),
  programmeZh: z.string().nullable(),
  unitId: z.number(),
  unitNameEn: z.string(),
  unitNameZh: z.string(),
  unitNameFr: z.string().nullable(),
  funding: StudentFunding,
  instructionLanguage: InstructionLanguage,
  studentNumber: z.string().nullable(),
  /** The nationality at enrolment: the country (or region) the figures count. */
  countryCode: z.string(),
  isRegion: z.boolean(),
  admittedOn: z.string(),
  enrolledOn: z.string().nullable(),
  expectedCompletionOn: z.string().nullable(),
  status: StudentStatus,
  suspendedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  degreeAwarded: z.string().nullable(),
  leftOn: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StudentEnrolment = z.infer<typeof StudentEnrolment>;

const Flag = z.enum(['true', 'false']).optional();
const Year = WholeNumber.pipe(z.number().int().min(1900).max(2100));

export const STUDENT_SORTS = ['enrolledOn', 'admittedOn', 'familyName', 'countryCode', 'updatedAt'] as const;
export const StudentQuery = PageQuery.extend({
  level: StudentLevel.optional(),
  /** The three degree levels together: the fact sheet's students. */
  degree: Flag,
  status: StudentStatus.optional(),
  /** The country or region counted (nationality at enrolment). */
  country: CountryCode.optional(),
  /** Countries only (true) or regions only (false): HK, MO and TW are regions. */
  region: Flag,
  /** The teaching unit, with its sub-units. */
  unitId: Id.optional(),
  personId: Id.optional(),
  programme: z.string().trim().max(200).optional(),
  funding: StudentFunding.optional(),
  instructionLanguage: InstructionLanguage.optional(),
  /** Registered in these years (inclusive). */
  fromYear: Year.optional(),
  toYear: Year.optional(),
  /** Registered on or after this day … */
  from: IsoDate.optional(),
  /** … and, with `counted`, the day the figures are taken on. */
  asOf: IsoDate.optional(),
  /** Counted on `asOf` (default today): registered by then, and not withdrawn or transferred by then. */
  counted: Flag,
  sort: z.enum(STUDENT_SORTS).default('enrolledOn'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type StudentQuery = z.input<typeof StudentQuery>;

/** A page of enrolments, with the distinct students among all that match (a student in two levels is one). */
export const StudentPage = z.object({
  items: z.array(StudentEnrolment),
  total: z.number(),
  persons: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type StudentPage = z.infer<typeof StudentPage>;

/** A person's enrolments, for the card on the person's page. */
export const PersonEnrolments = z.object({ personId: z.number(), items: z.array(StudentEnrolment) });
export type PersonEnrolments = z.infer<typeof PersonEnrolments>;
