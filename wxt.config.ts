import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// One Vite for build and tests: @preact/preset-vite resolves to the same Vite 7 that WXT 0.21.0
// builds with (see package-lock), so its plugin type matches.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    // storage: the background publishes the workspace snapshot pages render from (storage.local).
    // activeTab: the popup reads the current tab's URL to suggest the creator's handle.
    // alarms: eligibility is recomputed daily; notifications: when a requirement is met or lost.
    // contextMenus: on a profile link on tiktok.com, add that person to the roster or change their tier.
    permissions: ['storage', 'activeTab', 'alarms', 'notifications', 'contextMenus'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tierkit@tierkit.dev',
              strict_min_version: '140.0',
              // Everything stays on the device: Tierkit collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
