import type { Translation } from '../../types';
import type english from '../en/bonus-line';

export default {
  'bonus.met': 'Bonus raggiunto',
  'bonus.on-track': 'Bonus in linea',
  'bonus.risk.followers': {
    one: 'Bonus a rischio: manca {count} follower',
    many: 'Bonus a rischio: mancano {count} di follower',
    other: 'Bonus a rischio: mancano {count} follower',
  },
  'bonus.risk.video-views': {
    one: 'Bonus a rischio: manca {count} visualizzazione',
    many: 'Bonus a rischio: mancano {count} di visualizzazioni',
    other: 'Bonus a rischio: mancano {count} visualizzazioni',
  },
  'bonus.risk.subscriber-only-posts': {
    one: 'Bonus a rischio: manca {count} post',
    many: 'Bonus a rischio: mancano {count} di post',
    other: 'Bonus a rischio: mancano {count} post',
  },
} satisfies Translation<typeof english>;
