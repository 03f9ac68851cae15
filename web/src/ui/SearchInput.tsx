// A search box that waits until the user pauses (and until an IME finishes composing Chinese),
// so typing "张伟" sends one request for 张伟 rather than several for "zhang", "zhangw", ...
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';

interface SearchInputProps {
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
  width?: number | string;
}

const DEBOUNCE_MS = 350;

export function SearchInput({ value, onSearch, placeholder, width = 240 }: SearchInputProps) {
  const [text, setText] = useState(value);
  const [composing, setComposing] = useState(false);
  const [seen, setSeen] = useState(value);

  // The value can change from outside (a "clear filters" button, back navigation).
  if (value !== seen) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }

  // The parent's callback may be a new function on every render; that must not restart the wait.
  const search = useEffectEvent((q: string) => onSearch(q));
  useEffect(() => {
    if (composing || text.trim() === value) return;
    const timer = setTimeout(() => search(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, composing, value]);

  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      placeholder={placeholder}
      value={text}
      style={{ width, maxWidth: '100%' }}
      onChange={(e) => setText(e.target.value)}
      onCompositionStart={() => setComposing(true)}
      onCompositionEnd={(e) => {
        setComposing(false);
        setText(e.currentTarget.value);
      }}
      onPressEnter={() => onSearch(text.trim())}
      data-testid="search-input"
    />
  );
}
