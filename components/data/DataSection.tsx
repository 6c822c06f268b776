import { ExportBackup } from './ExportBackup';
import { ImportBackup } from './ImportBackup';
import { SigningKey } from './SigningKey';
import { useDataSummary } from './use-data-summary';
import { WipeData } from './WipeData';
import { Problems } from '../Problems';
import './data.css';

/** Backups out and in, the signing key, and deleting everything. */
export function DataSection() {
  const { data: summary, problems, refresh } = useDataSummary();
  return (
    <>
      <ExportBackup />
      <ImportBackup />
      <SigningKey signingKey={summary?.signingKey ?? null} loaded={summary !== null} refresh={refresh} />
      <Problems problems={problems} />
      <WipeData summary={summary} refresh={refresh} />
    </>
  );
}
