import { z } from 'zod';
import { Id, IsoDate, OptionalText, PageQuery, RequiredText, Versioned, updateFields, RequiredName, OptionalName, WholeNumber } from './common.ts';

/** Where a programme student stands. Everyone ever admitted stays on the roll: withdrawal is a status. */
export const STUDENT_STATUSES = ['enrolled', 'graduated', 'withdrawn', 'transferred_out'] as const;
export const StudentStatus = z.enum(STUDENT_STATUSES);
export type StudentStatus = z.infer<typeof StudentStatus>;

/** What an examination or evaluation assessed. */
export const ASSESSMENT_STAGES = ['french_language', 'basic_sciences', 'clinical', 'other'] as const;
export const AssessmentStage = z.enum(ASSESSMENT_STAGES);
export type AssessmentStage = z.infer<typeof AssessmentStage>;

/** A residency placement's workflow. */
export const PLACEMENT_STATUSES = ['proposed', 'confirmed', 'completed', 'withdrawn'] as const;
export const PlacementStatus = z.enum(PLACEMENT_STATUSES);
export type PlacementStatus = z.infer<typeof PlacementStatus>;

/** One step at a time; the web app offers the same steps. */
export const PLACEMENT_TRANSITIONS: Record<PlacementStatus, readonly PlacementStatus[]> = {
  proposed: ['confirmed', 'withdrawn'],
  confirmed: ['completed', 'withdrawn'],
  completed: [],
  withdrawn: [],
};

/** A placement in these statuses has sent the student: one outbound person-time, counted as placed. */
export const PLACEMENT_COUNTED_STATUSES: readonly PlacementStatus[] = ['confirmed', 'completed'];

const Year = WholeNumber.pipe(z.number().int().min(1900).max(2100));
const Flag = z.enum(['true', 'false']).optional();

// ---- programmes ----

export const ProgrammePartnerInput = z.object({ institutionId: Id, agreementId: Id.nullish().transform((v) => v ?? null) });

const ProgrammeFields = {
  nameEn: RequiredName(300),
  nameZh: OptionalName(300),
  nameFr: OptionalName(300),
  durationYears: z.number().int().min(1).max(12),
  /** The language some courses are taught in (ISO 639-1): French for the Sino-French programme. */
  language: z.string().trim().toLowerCase().regex(/^[a-z]{2}$/).default('fr'),
  /** Our unit that runs it; a coordinator's programmes are their unit's. */
  unitId: Id,
  startedYear: Year.nullish().transform((v) => v ?? null),
  partners: z.array(ProgrammePartnerInput).max(20).default([]),
  notes: OptionalText(5000),
  /** What the programme is, in each language, as the fact sheet says it ("an important cooperative programme of the Chinese and French governments"). */
  standingEn: OptionalText(300),
  standingZh: OptionalText(300),
  standingFr: OptionalText(300),
};

export const ProgrammeInput = z.object(ProgrammeFields);
export type ProgrammeInput = z.input<typeof ProgrammeInput>;
export const ProgrammeUpdate = z.object(updateFields(ProgrammeFields)).extend(Versioned.shape);
export type ProgrammeUpdate = z.input<typeof ProgrammeUpdate>;

const Names = z.object({ nameEn: z.string(), nameZh: z.string().nullable(), nameFr: z.string().nullable() });

export const ProgrammePartner = z.object({ institutionId: z.number(), agreementId: z.number().nullable(), institution: Names.extend({ countryCode: z.string().nullable() }) });

export const Cohort = z.object({
  id: z.number(),
  programmeId: z.number(),
  entryYear: z.number(),
  intake: z.number(),
  notes: z.string().nullable(),
  /** Students on record, and those with a confirmed or completed placement (whatever its dates). */
  students: z.number(),
  placed: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Cohort = z.infer<typeof Cohort>;

export const Programme = z.object({
  id: z.number(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  nameFr: z.string().nullable(),
  durationYears: z.number(),
  language: z.string(),
  unitId: z.number(),
  startedYear: z.number().nullable(),
  notes: z.string().nullable(),
  standingEn: z.string().nullable(),
  standingZh: z.string().nullable(),
  standingFr: z.string().nullable(),
  partners: z.array(ProgrammePartner),
  cohorts: z.array(Cohort),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof Programme>;

// ---- cohorts ----

const CohortFields = { entryYear: Year, intake: z.number().int().min(0).max(10000), notes: OptionalText(2000) };
export const CohortInput = z.object(CohortFields);
export type CohortInput = z.input<typeof CohortInput>;
export const CohortUpdate = z.object(updateFields(CohortFields)).extend(Versioned.shape);
export type CohortUpdate = z.input<typeof CohortUpdate>;

// ---- students ----

const StudentFields = {
  cohortId: Id,
  studentNumber: RequiredText(50),
  status: StudentStatus.default('enrolled'),
  notes: OptionalText(5000),
};
/** Admitting one of our people (already in People) to a cohort. */
export const StudentInput = z.object({ personId: Id, ...StudentFields });
export type StudentInput = z.input<typeof StudentInput>;
/** Changing a student's record (cohort within the same programme, number, status, notes). */
export const StudentUpdate = z.object(updateFields(StudentFields)).extend(Versioned.shape);
export type StudentUpdate = z.input<typeof StudentUpdate>;

const AssessmentFields = {
  stage: AssessmentStage,
  assessedOn: IsoDate,
  /** The result as given: a mark, a grade, a level (B2). */
  result: OptionalText(200),
  meetsStandard: z.boolean(),
  evaluatorNotes: OptionalText(5000),
};
export const AssessmentInput = z.object(AssessmentFields);
export type AssessmentInput = z.input<typeof AssessmentInput>;
export const AssessmentUpdate = z.object(updateFields(AssessmentFields)).extend(Versioned.shape);
export type AssessmentUpdate = z.input<typeof AssessmentUpdate>;

export const Assessment = z.object({
  id: z.number(),
  studentId: z.number(),
  stage: AssessmentStage,
  assessedOn: z.string(),
  result: z.string().nullable(),
  meetsStandard: z.boolean(),
  evaluatorNotes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;

const PlacementFields = {
  /** The host hospital: an institution (a French CHU from the catalogue). */
  hostInstitutionId: Id,
  department: OptionalName(300),
  startDate: IsoDate,
  endDate: IsoDate,
  notes: OptionalText(5000),
};
/** Proposing a placement; it sends the student only once confirmed. */
export const PlacementInput = z.object(PlacementFields).refine((v) => v.endDate >= v.startDate, { message: 'end_before_start', path: ['endDate'] });
export type PlacementInput = z.input<typeof PlacementInput>;
export const PlacementUpdate = z.object(updateFields(PlacementFields)).extend(Versioned.shape);
export type PlacementUpdate = z.input<typeof PlacementUpdate>;

export const PlacementTransition = z.object({ to: PlacementStatus, on: IsoDate.optional(), version: Versioned.shape.version });
export type PlacementTransition = z.input<typeof PlacementTransition>;

export const Placement = z.object({
  id: z.number(),
  studentId: z.number(),
  hostInstitutionId: z.number(),
  hostInstitution: Names.extend({ countryCode: z.string().nullable(), city: z.string().nullable() }),
  department: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  status: PlacementStatus,
  confirmedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Placement = z.infer<typeof Placement>;

export const ProgrammeStudent = z.object({
  id: z.number(),
  programmeId: z.number(),
  cohortId: z.number(),
  entryYear: z.number(),
  personId: z.number(),
  person: z.object({ familyName: z.string(), givenName: z.string().nullable(), nameZh: z.string().nullable() }),
  studentNumber: z.string(),
  status: StudentStatus,
  notes: z.string().nullable(),
  /** The programme's unit (the scope a coordinator is confined to). */
  unitId: z.number(),
  /** Has a confirmed or completed placement (whatever its dates); the list's `placed` filter takes a date. */
  placed: z.boolean(),
  /** The host of the latest counted placement, if any. */
  placedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProgrammeStudent = z.infer<typeof ProgrammeStudent>;

/** A student's record page: the student, the examinations and evaluations, the placements. */
export const ProgrammeStudentRecord = ProgrammeStudent.extend({
  assessments: z.array(Assessment),
  placements: z.array(Placement),
  /** Whether the student meets the standard today (placements can be confirmed). */
  meetsStandard: z.boolean(),
});
export type ProgrammeStudentRecord = z.infer<typeof ProgrammeStudentRecord>;

export const STUDENT_SORTS = ['studentNumber', 'familyName', 'entryYear', 'status', 'updatedAt'] as const;
export const StudentQuery = PageQuery.extend({
  programmeId: Id.optional(),
  cohortId: Id.optional(),
  /** Students of the programmes run by this unit or its sub-units (a figure confined to a unit links here). */
  unitId: Id.optional(),
  status: StudentStatus.optional(),
  /** Placed: a confirmed or completed placement that started on or before `asOf` (default today). */
  placed: Flag,
  /**
   * The roll as of this day: students of cohorts that entered in its year or before, and
   * placements that started on or before it. Unset: every student, placements up to today.
   */
  asOf: IsoDate.optional(),
  sort: z.enum(STUDENT_SORTS).default('studentNumber'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type StudentQuery = z.input<typeof StudentQuery>;

// ---- visiting professors ----

export const VisitingProfessorInput = z.object({
  personId: Id,
  year: Year,
  /** The courses taught and other activities, as text. */
  courses: OptionalText(2000),
  weeks: z.number().int().min(0).max(52).nullish().transform((v) => v ?? null),
});
export type VisitingProfessorInput = z.input<typeof VisitingProfessorInput>;

export const VisitingProfessor = z.object({
  id: z.number(),
  programmeId: z.number(),
  personId: z.number(),
  person: z.object({ familyName: z.string(), givenName: z.string().nullable(), nameZh: z.string().nullable(), title: z.string().nullable(), nationality: z.string().nullable() }),
  year: z.number(),
  courses: z.string().nullable(),
  weeks: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VisitingProfessor = z.infer<typeof VisitingProfessor>;

export const VisitingProfessorQuery = z.object({ year: Year.optional() });
