// The features the content script runs, each in its own file.
import type { Feature } from './feature';
import { createOwnProfileCapture } from './own-profile-capture';

export function pageFeatures(): Feature[] {
  return [createOwnProfileCapture()];
}
