import { section } from './section';

// Strings of components shared by popup and options page.
export const common = section(
  {
    'app.name': 'Tierkit',
  },
  {
    'app.name': 'Tierkit',
  },
);
