import '@/components/base.css';
import { mountApp } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';
import { addMessages } from '@/lib/i18n';
import { eligibilityOptions } from '@/lib/i18n/ui-eligibility-options';
import { options } from '@/lib/i18n/ui-options';
import { rosterUi } from '@/lib/i18n/ui-roster';
import { packsUi } from '@/lib/i18n/ui-packs';
import { dataUi } from '@/lib/i18n/ui-data';

addMessages(options);
addMessages(eligibilityOptions);
addMessages(rosterUi);
addMessages(packsUi);
addMessages(dataUi);
void mountApp(OptionsApp);
