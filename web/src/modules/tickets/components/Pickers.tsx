// Form controls of the ticket pages: technician, leader, category, assets, vendor and ticket
// pickers. Long lists (users, assets, vendors, tickets) are searched on the server, 20 at a time.
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaderCandidates, useTechnicians, useTickets } from '../api';
import { useAssetSearch, useTicketCategories, useVendorSearch } from '../lookups-api';

interface IdFieldProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  placeholder?: string;
  style?: CSSProperties;
  /** Label of the value already chosen, when the options may not contain it. */
  initialLabel?: string | null;
}

function withInitial(options: { value: number; label: string }[], value: number | null | undefined, label?: string | null) {
  if (value != null && label && !options.some((o) => o.value === value)) return [{ value, label }, ...options];
  return options;
}

/** An assignee among the users who can work tickets. */
export function TechnicianPicker({ value, onChange, id, placeholder, style, initialLabel }: IdFieldProps) {
  const { t } = useTranslation();
  const techs = useTechnicians();
  const options = withInitial(
    (techs.data ?? []).map((u) => ({ value: u.id, label: u.name })),
    value,
    initialLabel,
  );
  return (
    <Select<number>
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={techs.isLoading}
      placeholder={placeholder ?? t('tickets.pick.technician')}
      notFoundContent={t('tickets.pick.noTechnician')}
      style={style}
      data-testid="technician-picker"
    />
  );
}

/** A leader: any active user (the ticket's leader decides; they need not work tickets). */
export function LeaderPicker({ value, onChange, id }: IdFieldProps) {
  const { t } = useTranslation();
  const users = useLeaderCandidates();
  return (
    <Select<number>
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      loading={users.isLoading}
      placeholder={t('tickets.pick.leader')}
      notFoundContent={t('tickets.pick.noUser')}
      data-testid="leader-picker"
    />
  );
}

interface CategorySelectProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  style?: CSSProperties;
  placeholder?: string;
}

/** A category from the dictionary; '' = not yet classified. Disabled items stay readable. */
export function CategorySelect({ value, onChange, id, style, placeholder }: CategorySelectProps) {
  const { t } = useTranslation();
  const categories = useTicketCategories();
  const options = (categories.data ?? []).filter((c) => c.enabled || c.value === value).map((c) => ({ value: c.value, label: c.label }));
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value || undefined}
      onChange={(v) => onChange?.(v ?? '')}
      options={options}
      loading={categories.isLoading}
      placeholder={placeholder ?? t('tickets.pick.category')}
      style={style}
      data-testid="category-select"
    />
  );
}

interface AssetsSelectProps {
  value?: number[];
  onChange?: (value: number[]) => void;
  id?: string;
  /** Labels of assets already chosen (number · name). */
  initial?: { id: number; number: string; name: string }[];
}

/** Several assets from the ledger, searched by number, name or serial. */
export function AssetsSelect({ value, onChange, id, initial = [] }: AssetsSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const assets = useAssetSearch(q);
  const label = (a: { number: string; name: string }) => `${a.number} · ${a.name}`;
  const options = (assets.data?.items ?? []).map((a) => ({ value: a.id, label: label(a) }));
  for (const a of initial) if (!options.some((o) => o.value === a.id)) options.unshift({ value: a.id, label: label(a) });
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={assets.isFetching}
      placeholder={t('tickets.pick.assets')}
      notFoundContent={t('tickets.pick.noAsset')}
      maxCount={20}
      data-testid="assets-select"
    />
  );
}

/** A vendor from the directory; choosing one hands over its contact and phone. */
export function VendorPicker({
  value,
  onChange,
  id,
  initialLabel,
  onPicked,
}: IdFieldProps & { onPicked?: (v: { contact: string; phone: string }) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const vendors = useVendorSearch(q);
  const items = vendors.data?.items ?? [];
  const options = withInitial(
    items.map((v) => ({ value: v.id, label: v.name })),
    value,
    initialLabel,
  );
  return (
    <Select<number>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => {
        onChange?.(v ?? null);
        const picked = items.find((x) => x.id === v);
        if (picked) onPicked?.({ contact: picked.contact, phone: picked.phone });
      }}
      options={options}
      loading={vendors.isFetching}
      placeholder={t('tickets.pick.vendor')}
      notFoundContent={t('tickets.pick.noVendor')}
      data-testid="vendor-picker"
    />
  );
}

/** Another ticket, searched by number or words. */
export function TicketPicker({ value, onChange, id, excludeId }: IdFieldProps & { excludeId?: number }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const tickets = useTickets({ q: q || undefined, pageSize: 20, view: 'all', sort: 'updatedAt' });
  const options = (tickets.data?.items ?? [])
    .filter((x) => x.id !== excludeId)
    .map((x) => ({ value: x.id, label: `${x.number} · ${x.title}` }));
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={tickets.isFetching}
      placeholder={t('tickets.pick.ticket')}
      notFoundContent={t('tickets.pick.noTicket')}
      data-testid="ticket-picker"
    />
  );
}
