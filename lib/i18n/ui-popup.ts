import { section } from './section';

export const popup = section(
  {
  },
  {
  },
);
