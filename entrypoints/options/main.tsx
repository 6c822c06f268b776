import '@/components/base.css';
import { mountApp } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';
import { optionsAreas } from '@/components/options/message-areas';

void mountApp(OptionsApp, optionsAreas);
