import { section } from './section';

export const options = section(
  {
  },
  {
  },
);
