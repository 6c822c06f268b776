// Running code in the content script's isolated world of a tiktok.com page, through the DevTools
// protocol: there, `chrome.runtime.sendMessage` reaches the service worker as Tierkit's own does.
import type { CDPSession } from 'playwright-core';

/** The content script's world in the page the session is attached to. */
export async function contentWorld(cdp: CDPSession, extensionId: string): Promise<number> {
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  // Enabling reports the contexts that exist, then every new one.
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  for (let i = 0; i < 100; i++) {
    const world = contexts.findLast((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
    if (world) return world.id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The content script world did not appear');
}

/** Evaluates `expression` there (a promise is awaited) and returns its value. */
export async function inWorld<T>(cdp: CDPSession, world: number, expression: string): Promise<T> {
  const result = (await cdp.send('Runtime.evaluate', { expression, contextId: world, awaitPromise: true, returnByValue: true })) as {
    result: { value: T };
    exceptionDetails?: { exception?: { description?: string }; text: string };
  };
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value;
}
