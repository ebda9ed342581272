import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';

interface SearchInputProps {
  /** Put on the <input> itself, so that browser tests can type into it. */
  testId?: string;
  defaultValue?: string;
  placeholder?: string;
  width?: number;
  /** Called on Enter, on the button, and with '' when the box is cleared. */
  onSearch: (value: string) => void;
}

/** A search box with a search button (Input.Search puts extra attributes on its wrapper, not the input). */
export function SearchInput({ testId, defaultValue, placeholder, width = 360, onSearch }: SearchInputProps) {
  const [text, setText] = useState(defaultValue ?? '');
  return (
    <Space.Compact style={{ width }}>
      <Input
        data-testid={testId}
        value={text}
        placeholder={placeholder}
        allowClear
        onChange={(e) => {
          setText(e.target.value);
          if (e.type !== 'change') onSearch(''); // the clear icon
        }}
        onPressEnter={() => onSearch(text.trim())}
      />
      <Button type="primary" icon={<SearchOutlined />} aria-label={placeholder} onClick={() => onSearch(text.trim())} />
    </Space.Compact>
  );
}
