/**
 * Public surface of the enrolment domain, for the bot and scripts. Import from here rather than from the
 * individual files so the inside can be rearranged freely.
 */
export * from './types.js';
export { validateNip, type NipResult, type NipErrorCode } from './nip.js';
export { normaliseLevel } from './level.js';
export {
  validateEmail,
  validateFullName,
  validateInstansi,
  validateJabatan,
  validateLevel,
  validateMotivation,
  validatePhone,
  type FieldErrorCode,
  type FieldResult,
  type FieldWarningCode,
} from './validation.js';
export {
  checkEligibility,
  findProgramme,
  isOpen,
  loadCatalogue,
  openProgrammes,
  parseCatalogue,
  type Catalogue,
  type Programme,
  type ProgrammeMode,
} from './catalogue.js';
export { CatalogueError, type CatalogueIssue } from './catalogue-error.js';
export {
  WIZARD_FIELDS,
  WIZARD_STEPS,
  applyInput,
  checkDraft,
  editField,
  firstUnansweredStep,
  startDraft,
  type DraftAnswers,
  type EnrolmentDraft,
  type SubmissionCheck,
  type WizardContext,
  type WizardErrorCode,
  type WizardField,
  type WizardOutcome,
  type WizardStep,
  type WizardWarningCode,
} from './wizard.js';
export type * from './enrolment-store.js';
export * from './use-cases.js';
export { anonymousApplicantId } from './anonymise.js';
export { wibDate } from './calendar.js';
