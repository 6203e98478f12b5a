/** Storage keys of the autosave (kept apart so start-up code can read them without the codec). */

/** localStorage key of the autosaved work. */
export const WORK_KEY = 'upsert-playground:v1:work';
/** localStorage key of the work set aside when a link was opened over it. */
export const STASH_KEY = 'upsert-playground:v1:stash';
/** sessionStorage key of this tab's work. */
export const TAB_KEY = 'upsert-playground:v1:tab';
