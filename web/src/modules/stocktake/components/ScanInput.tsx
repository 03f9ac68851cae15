// The typed way to count: a number typed by hand, or what a USB barcode scanner "types" followed
// by Enter. Focus comes back to the box after every code, so a scanner can fire label after label.
import { Button, Input, Space, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ScanInputProps {
  onCode: (code: string) => void;
  disabled?: boolean;
  /** Focus on arrival: on a desktop with a scanner, not on a phone (the keyboard would cover the page). */
  autoFocus?: boolean;
}

export function ScanInput({ onCode, disabled, autoFocus }: ScanInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const ref = useRef<InputRef>(null);

  const submit = () => {
    const code = text.trim();
    if (!code) return;
    onCode(code);
    setText('');
    ref.current?.focus();
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        ref={ref}
        size="large"
        value={text}
        disabled={disabled}
        autoFocus={autoFocus}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="done"
        maxLength={500}
        placeholder={t('stocktake.count.inputPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={(e) => {
          // Enter that confirms a Chinese input method's candidate is not a submit.
          if (!e.nativeEvent.isComposing) submit();
        }}
        data-testid="scan-input"
      />
      <Button size="large" type="primary" disabled={disabled || !text.trim()} onClick={submit} data-testid="scan-submit">
        {t('stocktake.count.submit')}
      </Button>
    </Space.Compact>
  );
}
