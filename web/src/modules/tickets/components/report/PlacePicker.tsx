// Where the fault is, for those who cannot read the organisation's location tree (staff): a
// search over the places' paths, answered by the tickets module with what a picker needs. The
// list is capped; when more match, a line asks for more words.
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_LOCATION_CAP, type TicketLocationOption } from '@shared/contracts/tickets.js';
import { useTicketLocations } from '../../api';

interface PlacePickerProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}

const label = (o: TicketLocationOption) => o.path.join(' / ');

export function PlacePicker({ value, onChange, id }: PlacePickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const places = useTicketLocations(q);
  // The chosen place stays labelled when a later search no longer lists it.
  const [chosen, setChosen] = useState<TicketLocationOption | null>(null);
  const items = places.data?.items ?? [];
  const options = items.map((o) => ({ value: o.id, label: label(o) }));
  if (value != null && chosen?.id === value && !options.some((o) => o.value === value)) options.unshift({ value, label: label(chosen) });

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => {
        setChosen(items.find((o) => o.id === v) ?? null);
        onChange?.(v ?? null);
      }}
      options={options}
      loading={places.isFetching}
      placeholder={t('tickets.pick.location')}
      notFoundContent={places.isFetching ? null : t('tickets.pick.noLocation')}
      popupRender={(menu) => (
        <>
          {menu}
          {places.data?.truncated && (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
              {t('tickets.pick.moreLocations', { n: TICKET_LOCATION_CAP })}
            </Typography.Text>
          )}
        </>
      )}
      data-testid="place-picker"
    />
  );
}
