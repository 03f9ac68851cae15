// Photos and screenshots for a report or a comment: each file uploads as soon as it is chosen
// (POST /api/tickets/uploads) with its own progress bar and preview; the form then sends only the
// ids. A failed file stays in the row with the reason and can be removed; the rest are kept.
import { CameraOutlined, CloseOutlined, FilePdfOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Progress, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../lib/errors';
import { uploadTicketPhoto } from '../../api';

export const MAX_PHOTOS = 10;
const ACCEPT = 'image/*,application/pdf';

interface Photo {
  key: string;
  name: string;
  /** Object URL for the preview (images only). */
  preview: string | null;
  percent: number;
  id: string | null;
  error: unknown;
  abort: AbortController;
}

/** The state of the chosen photos; `ids` are the uploaded ones, `busy` while any is uploading. */
export function usePhotoUploads() {
  const [photos, setPhotos] = useState<Photo[]>([]);
  const seq = useRef(0);
  // Event handlers and the unmount clean-up need the latest list, not the one they closed over.
  const live = useRef<Photo[]>([]);
  useEffect(() => {
    live.current = photos;
  }, [photos]);

  // Previews are object URLs: released when the form goes away; uploads still running are stopped.
  useEffect(
    () => () => {
      for (const p of live.current) {
        if (p.preview) URL.revokeObjectURL(p.preview);
        p.abort.abort();
      }
    },
    [],
  );

  const patch = (key: string, change: Partial<Photo>) => setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const add = (files: FileList | null) => {
    const room = MAX_PHOTOS - live.current.length;
    const chosen = Array.from(files ?? []).slice(0, Math.max(0, room));
    const fresh = chosen.map((file): Photo => ({
      key: `p${++seq.current}`,
      name: file.name,
      preview: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
      percent: 0,
      id: null,
      error: null,
      abort: new AbortController(),
    }));
    setPhotos((list) => [...list, ...fresh]);
    fresh.forEach((photo, i) => {
      uploadTicketPhoto(chosen[i]!, (percent) => patch(photo.key, { percent }), photo.abort.signal)
        .then((r) => patch(photo.key, { id: r.id, percent: 100 }))
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          patch(photo.key, { error });
        });
    });
  };

  const remove = (key: string) => {
    const p = live.current.find((x) => x.key === key);
    if (p?.preview) URL.revokeObjectURL(p.preview);
    p?.abort.abort();
    setPhotos((list) => list.filter((x) => x.key !== key));
  };

  const clear = () => {
    for (const p of live.current) if (p.preview) URL.revokeObjectURL(p.preview);
    setPhotos([]);
  };

  return {
    photos,
    add,
    remove,
    clear,
    ids: photos.flatMap((p) => (p.id ? [p.id] : [])),
    busy: photos.some((p) => p.id === null && p.error === null),
  };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;

export function PhotoUploader({ uploads, compact }: { uploads: PhotoUploads; compact?: boolean }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const pick = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const full = uploads.photos.length >= MAX_PHOTOS;
  const size = compact ? 64 : 88;

  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    uploads.add(e.target.files);
    e.target.value = '';
  };

  return (
    <Flex vertical gap={8} data-testid="photo-uploader">
      <Flex wrap gap={8}>
        {uploads.photos.map((p) => (
          <div
            key={p.key}
            style={{ position: 'relative', width: size, height: size, borderRadius: 8, overflow: 'hidden', background: '#f5f5f5' }}
            data-testid="photo-item"
          >
            {p.preview ? (
              <img src={p.preview} alt={p.name} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
            ) : (
              <Flex align="center" justify="center" style={{ height: '100%' }}>
                <FilePdfOutlined style={{ fontSize: 28 }} />
              </Flex>
            )}
            {p.id === null && p.error === null && (
              <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0, background: 'rgba(255,255,255,0.7)' }}>
                <Progress type="circle" percent={p.percent} size={compact ? 36 : 48} />
              </Flex>
            )}
            {p.error !== null && (
              <Tooltip title={errorText(t, p.error)}>
                <Flex
                  align="center"
                  justify="center"
                  style={{ position: 'absolute', inset: 0, background: 'rgba(255,241,240,0.9)', padding: 4, textAlign: 'center' }}
                  data-testid="photo-error"
                >
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {t('tickets.photos.failed')}
                  </Typography.Text>
                </Flex>
              </Tooltip>
            )}
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              onClick={() => uploads.remove(p.key)}
              aria-label={t('tickets.photos.remove')}
              style={{ position: 'absolute', top: 2, right: 2 }}
              data-testid="photo-remove"
            />
          </div>
        ))}
      </Flex>
      <Flex wrap gap={8}>
        {phone && (
          <Button icon={<CameraOutlined />} disabled={full} onClick={() => camera.current?.click()} data-testid="photo-camera">
            {t('tickets.photos.camera')}
          </Button>
        )}
        <Button icon={<PictureOutlined />} disabled={full} onClick={() => pick.current?.click()} data-testid="photo-pick">
          {t('tickets.photos.pick')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {full ? t('tickets.photos.full', { max: MAX_PHOTOS }) : t('tickets.photos.hint', { max: MAX_PHOTOS })}
      </Typography.Text>
      <input ref={pick} type="file" accept={ACCEPT} multiple style={{ display: 'none' }} onChange={onFiles} data-testid="photo-input" />
      <input ref={camera} type="file" accept="image/*" capture="environment" style={{ display: 'none' }} onChange={onFiles} />
    </Flex>
  );
}
