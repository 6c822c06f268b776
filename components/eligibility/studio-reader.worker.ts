// A dedicated worker of the options page (bundled on its own by Vite): reads the Studio exports the
// creator chose and answers with what they hold, or null when it could not.
import { readStudioExports } from './read-studio-exports';

const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => {
  readStudioExports(event.data).then(
    (answer) => scope.postMessage(answer),
    () => scope.postMessage(null),
  );
};
