/**
 * The interface forms, opened by the table through FormModal (the shell lazy-loads this module).
 *   formKindFor(model)   which form edits an interface (null: none does)
 *   <FormModal target network onClose />
 */
export type { FormKind, FormTarget } from './kind';
export { formKindFor } from './kind';
export { FormModal } from './FormModal';
