// Imported by each editor: its strings arrive with its code (see lib/i18n/ui-editors.ts).
import { addMessages } from '@/lib/i18n';
import { editors } from '@/lib/i18n/ui-editors';

addMessages(editors);
