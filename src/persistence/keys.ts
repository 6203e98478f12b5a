/** Storage keys of the autosave (kept apart so start-up code can read them without the codec). */

/** localStorage key of the autosaved work. */
export const WORK_KEY = 'upsert-playground:v1:work';
/** localStorage key of the work set aside when a link was opened over it. */
export const STASH_KEY = 'upsert-playground:v1:stash';
/** localStorage key of the index of kept ("Recent work") scenarios; each entry is under `<key>:<id>`. */
export const KEPT_KEY = 'upsert-playground:v1:kept';
/** localStorage key naming which tab wrote the autosaved work last (`<tab id>:<revision>`). */
export const OWNER_KEY = 'upsert-playground:v1:work-owner';
/** sessionStorage key of this tab's work. */
export const TAB_KEY = 'upsert-playground:v1:tab';
