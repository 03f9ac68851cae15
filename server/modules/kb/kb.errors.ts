import { defineErrors } from '../../core/errors.js';

export const KbErrors = defineErrors({
  /** The category is not an active item of the kb_category dictionary. */
  'kb.invalid_category': 400,
  /** Someone saved the article after the editor loaded it (details: the current updatedAt). */
  'kb.edit_conflict': 409,
  /** This person has already said whether the article helped. */
  'kb.feedback_given': 409,
  /** An article can be drafted only from a resolved or closed ticket. */
  'kb.ticket_unresolved': 409,
});
