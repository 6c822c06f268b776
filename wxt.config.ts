import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// lib/i18n/messages/<language>/<area>.ts
const MESSAGE_MODULE = /\/lib\/i18n\/messages\/([\w-]+)\/([\w-]+)\.ts$/;

/**
 * Names each message chunk `messages-<language>-<area>`: the modules of all languages share file
 * names, and the bench must tell which chunks a page loads in which language (tests/bench/bundles.ts).
 */
function messageChunkNames(): Plugin {
  return {
    name: 'tierkit:message-chunk-names',
    outputOptions(output) {
      const named = output.chunkFileNames ?? '[name]-[hash].js';
      return {
        ...output,
        chunkFileNames: (chunk) => {
          const pattern = typeof named === 'function' ? named(chunk) : named;
          const found = MESSAGE_MODULE.exec(chunk.facadeModuleId ?? '');
          return found ? pattern.replace('[name]', `messages-${found[1]}-${found[2]}`) : pattern;
        },
      };
    },
  };
}

// One Vite for build and tests: @preact/preset-vite resolves to the same Vite 7 that WXT 0.21.0
// builds with (see package-lock), so its plugin type matches.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), messageChunkNames()],
    // The Studio reader's worker loads its language's messages with import(), which needs an ES module
    // worker (an IIFE cannot be split into chunks). Firefox runs module workers since version 114.
    worker: { format: 'es' },
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
