import '@/components/base.css';
import { mountApp } from '@/components/mount';
import { PopupApp } from '@/components/popup/PopupApp';
import { popupAreas } from '@/components/popup/message-areas';

void mountApp(PopupApp, popupAreas);
