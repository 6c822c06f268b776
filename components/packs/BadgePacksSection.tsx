import { ImportedPacks } from './ImportedPacks';
import { PageDiagnostics } from './PageDiagnostics';
import { SharePack } from './SharePack';
import { usePackList } from './use-pack-list';
import './packs.css';

/** Badge packs out (the creator's own) and in (other creators'), and what went wrong on TikTok pages. */
export function BadgePacksSection() {
  const { data: list, problems, refresh } = usePackList();
  return (
    <>
      <SharePack ownFingerprint={list ? list.ownFingerprint : undefined} onExported={() => void refresh()} />
      <ImportedPacks list={list} problems={problems} refresh={refresh} />
      <PageDiagnostics />
    </>
  );
}
