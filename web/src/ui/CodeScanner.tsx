// Reads QR codes with the device camera (the back one on a phone) and hands each text to onCode.
// Decoding uses the browser's BarcodeDetector where it has one (Android Chrome, Safari), else
// jsQR, loaded only when the camera is first opened. Frames are decoded about five times a
// second; a code is reported again only after it has been out of view for two seconds, so
// holding a label in front of the camera counts it once. Where there is no camera, or it is not allowed, a message
// says why; the page's typed input stays the way to count.
import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const DECODE_EVERY_MS = 200;
const SAME_CODE_PAUSE_MS = 2000;
/** Frames are scaled down to this width before jsQR reads them: fast enough on an old phone. */
const DECODE_WIDTH = 640;

type Decode = (video: HTMLVideoElement) => Promise<string | null>;
type Problem = 'insecure' | 'unsupported' | 'denied' | 'none' | 'busy' | 'failed';
type State = { kind: 'off' } | { kind: 'starting' } | { kind: 'on' } | { kind: 'error'; problem: Problem };

/** The part of the Barcode Detection API used here (not yet in TypeScript's DOM types). */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

async function createDecoder(): Promise<Decode> {
  const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector && (await Detector.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || !video.videoWidth) return null;
    const scale = Math.min(1, DECODE_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
  };
}

function problemOf(err: unknown): Problem {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'none';
  if (name === 'NotReadableError' || name === 'TrackStartError') return 'busy';
  return 'failed';
}

interface CodeScannerProps {
  onCode: (text: string) => void;
  /** The camera cannot be opened (e.g. nothing to count yet); an open camera is closed. */
  disabled?: boolean;
}

export function CodeScanner({ onCode, disabled }: CodeScannerProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<State>({ kind: 'off' });
  const [stream, setStream] = useState<MediaStream | null>(null);
  const emit = useEffectEvent((text: string) => onCode(text));

  const start = async () => {
    if (!window.isSecureContext) return setState({ kind: 'error', problem: 'insecure' });
    if (!navigator.mediaDevices?.getUserMedia) return setState({ kind: 'error', problem: 'unsupported' });
    setState({ kind: 'starting' });
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      setStream(media);
      setState({ kind: 'on' });
    } catch (err) {
      setState({ kind: 'error', problem: problemOf(err) });
    }
  };
  const stop = () => {
    setStream(null);
    setState({ kind: 'off' });
  };

  // The stream plays in the video element and is read a frame at a time until it is stopped.
  useEffect(() => {
    const video = videoRef.current;
    if (!stream || !video) return;
    let cancelled = false;
    let busy = false;
    let decode: Decode | null = null;
    let last = { text: '', at: 0 };
    video.srcObject = stream;
    void video.play().catch(() => {});
    void createDecoder().then((d) => (decode = d));
    const timer = window.setInterval(() => {
      if (!decode || busy || cancelled || video.readyState < 2) return;
      busy = true;
      decode(video)
        .then((text) => {
          if (cancelled || !text) return;
          const now = Date.now();
          // `at` is when the code was last SEEN, so a label held in view stays counted once
          // however slowly frames come; it counts again only after it was out of view a while.
          const again = text === last.text && now - last.at < SAME_CODE_PAUSE_MS;
          last = { text, at: now };
          if (!again) emit(text);
        })
        .catch(() => {})
        .finally(() => (busy = false));
    }, DECODE_EVERY_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    };
  }, [stream]);

  if (disabled && stream) stop();
  const on = state.kind === 'on';

  return (
    <Flex vertical gap={8} data-testid="code-scanner">
      {on && (
        <div style={{ position: 'relative', borderRadius: 8, overflow: 'hidden', background: '#000' }}>
          <video
            ref={videoRef}
            muted
            playsInline
            autoPlay
            style={{ display: 'block', width: '100%', maxHeight: '45vh', objectFit: 'cover' }}
            data-testid="code-scanner-video"
          />
          {/* A frame to aim with; the whole picture is still searched for a code. */}
          <div
            aria-hidden
            style={{
              position: 'absolute',
              inset: '15% 20%',
              border: '3px solid rgba(255,255,255,0.85)',
              borderRadius: 12,
              boxShadow: '0 0 0 9999px rgba(0,0,0,0.25)',
            }}
          />
        </div>
      )}
      {on && <Typography.Text type="secondary">{t('scanner.hint')}</Typography.Text>}
      {state.kind === 'error' && (
        <Alert
          type="warning"
          showIcon
          title={t(`scanner.problem.${state.problem}`)}
          description={t('scanner.typeInstead')}
          data-testid="code-scanner-error"
        />
      )}
      <Button
        size="large"
        block
        icon={on ? <StopOutlined /> : <CameraOutlined />}
        loading={state.kind === 'starting'}
        disabled={disabled && !on}
        onClick={() => (on ? stop() : void start())}
        data-testid={on ? 'code-scanner-stop' : 'code-scanner-start'}
      >
        {on ? t('scanner.stop') : t('scanner.start')}
      </Button>
    </Flex>
  );
}
