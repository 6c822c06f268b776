import '@/components/base.css';
import { mountApp } from '@/components/mount';
import { PopupApp } from '@/components/popup/PopupApp';

void mountApp(PopupApp);
