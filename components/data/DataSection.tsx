import { ExportBackup } from './ExportBackup';
import { ImportBackup } from './ImportBackup';
import { WipeData } from './WipeData';
import './data.css';

/** Backups out and in, and deleting everything. */
export function DataSection() {
  return (
    <>
      <ExportBackup />
      <ImportBackup />
      <WipeData />
    </>
  );
}
