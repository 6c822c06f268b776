import '@/components/base.css';
import { mountApp } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';

void mountApp(OptionsApp);
