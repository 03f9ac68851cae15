// Reusable spreadsheet import (people and departments now; assets, consumables and books later):
// upload with progress → server preview (encoding, header row, errors, sample) where the person
// can correct the column mapping and set the importer's options → confirm → streamed commit.
// An import is all-or-nothing on the server.
import { Grid, Modal, Steps } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMappingInput, ImportPreview } from '@shared/contracts/system.js';
import { ErrorAlert } from '../ErrorAlert';
import { CommitStep } from './CommitStep';
import { cancelImport, commitImport, remapImport, uploadImport, type ImportResult } from './import-api';
import { PreviewStep } from './PreviewStep';
import { UploadStep } from './UploadStep';

export interface ImportWizardProps {
  /** The API resource: POST /api/<kind>/import. */
  kind: string;
  open: boolean;
  title: string;
  onClose: () => void;
  /** Called after a successful commit (refresh lists). */
  onImported?: (result: ImportResult) => void;
  /** Label of a target field; defaults to the `fields.<kind>.<field>` translation. */
  fieldLabel?: (field: string) => string;
}

type Stage =
  | { step: 'upload'; percent: number | null; error: unknown }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'commit'; preview: ImportPreview; done: number; total: number; result: ImportResult | null; error: unknown };

const START: Stage = { step: 'upload', percent: null, error: null };

export function ImportWizard({ kind, open, title, onClose, onImported, fieldLabel }: ImportWizardProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [stage, setStage] = useState<Stage>(START);
  const abort = useRef<AbortController | null>(null);
  const label = fieldLabel ?? ((f: string) => t(`fields.${kind}.${f}`, { defaultValue: f }));

  const committing = stage.step === 'commit' && !stage.result && !stage.error;

  const upload = async (file: File) => {
    abort.current = new AbortController();
    setStage({ step: 'upload', percent: 0, error: null });
    try {
      const preview = await uploadImport(kind, file, (percent) => setStage({ step: 'upload', percent, error: null }), abort.current.signal);
      setStage({ step: 'preview', preview });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      setStage({ step: 'upload', percent: null, error: err });
    }
  };

  const commit = async (preview: ImportPreview) => {
    setStage({ step: 'commit', preview, done: 0, total: preview.validRows, result: null, error: null });
    try {
      const result = await commitImport(preview.id, (done, total) => setStage((s) => (s.step === 'commit' ? { ...s, done, total } : s)));
      setStage((s) => (s.step === 'commit' ? { ...s, done: s.total, result } : s));
      onImported?.(result);
    } catch (error) {
      setStage((s) => (s.step === 'commit' ? { ...s, error } : s));
    }
  };

  const remap = async (id: string, body: ImportMappingInput) => {
    const preview = await remapImport(id, body);
    setStage((s) => (s.step === 'preview' && s.preview.id === preview.id ? { step: 'preview', preview } : s));
  };

  /** Leaving a preview behind would keep the server's copy of the file until it expires. */
  const discardPreview = () => {
    const unfinished = stage.step === 'preview' || (stage.step === 'commit' && !stage.result);
    if (unfinished) void cancelImport(stage.preview.id).catch(() => undefined);
  };

  const close = () => {
    if (committing) return;
    abort.current?.abort();
    discardPreview();
    setStage(START);
    onClose();
  };

  const current = stage.step === 'upload' ? 0 : stage.step === 'preview' ? 1 : 2;

  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      footer={null}
      width={screens.md ? 960 : '100%'}
      closable={!committing}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="import-wizard"
    >
      <Steps
        size="small"
        current={current}
        style={{ marginBottom: 24 }}
        items={[{ title: t('import.stepUpload') }, { title: t('import.stepPreview') }, { title: t('import.stepCommit') }]}
      />
      {stage.step === 'upload' && (
        <>
          <ErrorAlert error={stage.error} />
          <UploadStep kind={kind} percent={stage.percent} onFile={(f) => void upload(f)} />
        </>
      )}
      {stage.step === 'preview' && (
        <PreviewStep
          preview={stage.preview}
          fieldLabel={label}
          onConfirm={() => void commit(stage.preview)}
          onRemap={(body) => remap(stage.preview.id, body)}
          onRestart={() => {
            discardPreview();
            setStage(START);
          }}
        />
      )}
      {stage.step === 'commit' && (
        <CommitStep done={stage.done} total={stage.total} result={stage.result} error={stage.error} onClose={close} />
      )}
    </Modal>
  );
}
