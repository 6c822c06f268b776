import type { Translation } from '../../types';
import type english from '../en/common';

export default {
  'app.name': 'Tierkit',
  'common.cancel': 'Annulla',
  'common.undo': 'Annulla',
  'common.reload': 'Ricarica',
  'unpublished.text':
    'La modifica è stata salvata, ma questa pagina non si è potuta aggiornare per mostrarla: ciò che vedi potrebbe non essere aggiornato. Ricarica la pagina per vedere i dati più recenti.',

  'badge.preview': 'Badge {label}',
  'badge.previewLevel': 'Badge {label}, livello {level}',

  'tier.listLabel': 'Livelli',
  'tier.archivedLabel': 'Livelli archiviati',
  'tier.archivedCount': 'Archiviati ({count})',
  'tier.empty':
    'Ancora nessun livello. Crea il primo con “Nuovo livello”: un nome, un prezzo mensile e i vantaggi che offre.',
  'tier.emptyLive': 'Tutti i livelli sono archiviati. Ripristinane uno o crea un nuovo livello.',
  'tier.pricePerMonth': '{price}/mese',
  'tier.perksOf': 'Vantaggi di {name}',
  'tier.fromTier': 'da {name}',
  'tier.noPerksYet': 'Ancora nessun vantaggio.',
  'tier.tenureSummary': 'Il badge sale di livello a {steps} mesi',
  'tier.edit': 'Modifica',
  'tier.editNamed': 'Modifica {name}',
  'tier.moveUp': 'Sposta {name} su',
  'tier.moveDown': 'Sposta {name} giù',
  'tier.activate': 'Attiva',
  'tier.activateNamed': 'Attiva {name}',
  'tier.archive': 'Archivia',
  'tier.archiveNamed': 'Archivia {name}',
  'tier.restore': 'Ripristina',
  'tier.restoreNamed': 'Ripristina {name}',
  'tier.delete': 'Elimina',
  'tier.deleteNamed': 'Elimina {name}',
  'tier.deleted': 'Eliminato “{name}”.',
} satisfies Translation<typeof english>;
