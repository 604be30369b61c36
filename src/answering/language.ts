/** Language detection lives with the text tools of the knowledge engine; re-exported for the answering layer. */
export { detectLanguage } from '../knowledge/language.js';
