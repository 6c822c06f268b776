import { common } from './ui-common';
import { popup } from './ui-popup';
import { options } from './ui-options';

// The UI's strings, one section per area so each can grow on its own.
export const ui = {
  en: { ...common.en, ...popup.en, ...options.en },
  it: { ...common.it, ...popup.it, ...options.it },
};
