// The article editor: title, category, visibility, tags, and the Markdown source with a live
// preview beside it on a desktop (tabs on a phone). Saving as a draft or publishing are two
// buttons. After an error everything typed stays; a save that crossed someone else's is refused
// with the choice to save anyway (their version stays in the revisions).
import { EyeOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, Grid, Input, Radio, Row, Select, Tabs, Typography } from 'antd';
import { useDeferredValue, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KB_BODY_MAX, KB_TAG_MAX, KB_TAGS_MAX, KB_TITLE_MAX, type KbStatus, type KbVisibility } from '@shared/contracts/kb.js';
import { ApiError } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useKbCategories, useKbTags, useSimilarArticles } from '../api';
import { ArticleFiles } from './ArticleFiles';
import { MarkdownView } from './MarkdownView';

export interface ArticleValues {
  title: string;
  category: string;
  visibility: KbVisibility;
  tags: string[];
  bodyMarkdown: string;
}

interface ArticleFormProps {
  initial: ArticleValues;
  /** The saved article being edited (files can be added once it exists). */
  article?: { id: number; status: KbStatus };
  onSubmit: (values: ArticleValues, status: KbStatus, overwrite: boolean) => Promise<void>;
  onCancel: () => void;
}

export function ArticleForm({ initial, article, onSubmit, onCancel }: ArticleFormProps) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<ArticleValues>();
  const categories = useKbCategories();
  const tags = useKbTags();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState<KbStatus | null>(null);
  const [lastStatus, setLastStatus] = useState<KbStatus>(article?.status ?? 'draft');
  const body = Form.useWatch('bodyMarkdown', form) ?? initial.bodyMarkdown;
  const title = Form.useWatch('title', form) ?? initial.title;
  // Typing stays responsive in a long article: the preview may lag a keystroke behind.
  const preview = useDeferredValue(body);
  const deferredTitle = useDeferredValue(title);
  const similar = useSimilarArticles(article ? '' : deferredTitle.trim());
  const source = useRef<HTMLTextAreaElement | null>(null);
  const conflict = error instanceof ApiError && error.code === 'kb.edit_conflict';

  const save = async (status: KbStatus, overwrite = false) => {
    let values: ArticleValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show what is missing
    }
    setError(null);
    setSaving(status);
    setLastStatus(status);
    try {
      // A cleared select leaves undefined, which a patch would read as "unchanged".
      await onSubmit({ ...values, category: values.category ?? '', tags: values.tags ?? [] }, status, overwrite);
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) setError(err);
    } finally {
      setSaving(null);
    }
  };

  /** Puts text at the cursor of the source (or at the end), as its own paragraph. */
  const insert = (markdown: string) => {
    const current = (form.getFieldValue('bodyMarkdown') as string) ?? '';
    const el = source.current;
    const at = el && document.activeElement === el ? el.selectionStart : current.length;
    const before = current.slice(0, at);
    const after = current.slice(at);
    const gap = (s: string) => (s && !s.endsWith('\n\n') ? (s.endsWith('\n') ? '\n' : '\n\n') : '');
    form.setFieldValue('bodyMarkdown', `${before}${gap(before)}${markdown}\n\n${after.replace(/^\n+/, '')}`);
  };

  const categoryOptions = (categories.data ?? [])
    .filter((c) => c.enabled || c.value === initial.category)
    .map((c) => ({ value: c.value, label: c.label }));

  const editor = (
    <Form.Item
      name="bodyMarkdown"
      className="kb-editor-source"
      style={{ marginBottom: 0 }}
      rules={[{ max: KB_BODY_MAX, message: t('validation.too_long_max', { max: KB_BODY_MAX }) }]}
    >
      <Input.TextArea
        ref={(r) => {
          source.current = r?.resizableTextArea?.textArea ?? null;
        }}
        autoSize={{ minRows: phone ? 12 : 18, maxRows: 40 }}
        maxLength={KB_BODY_MAX}
        showCount
        placeholder={t('kb.editor.bodyPlaceholder')}
        data-testid="kb-body"
      />
    </Form.Item>
  );
  const previewPane = (
    <div className="kb-editor-preview" data-testid="kb-preview">
      {preview.trim() ? (
        <MarkdownView source={preview} testId="kb-preview-markdown" />
      ) : (
        <Typography.Text type="secondary">{t('kb.editor.previewEmpty')}</Typography.Text>
      )}
    </div>
  );

  return (
    <Form<ArticleValues> form={form} layout="vertical" initialValues={initial} name="kb-article" data-testid="kb-editor">
      <ErrorAlert error={conflict ? null : error} />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('errors.kb.edit_conflict', { ...(error.details[0]?.params ?? {}) })}
          description={t('kb.editor.conflictHint')}
          action={
            <Button size="small" danger onClick={() => void save(lastStatus, true)} data-testid="kb-overwrite">
              {t('kb.editor.overwrite')}
            </Button>
          }
          data-testid="kb-conflict"
        />
      )}
      <Form.Item
        name="title"
        label={t('kb.fields.title')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={KB_TITLE_MAX} placeholder={t('kb.editor.titlePlaceholder')} data-testid="kb-title" />
      </Form.Item>
      {!article && (similar.data?.length ?? 0) > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('kb.editor.similar')}
          description={
            <Flex vertical gap={2}>
              {similar.data!.map((s) => (
                <Link key={s.id} to={`/kb/articles/${s.id}`} target="_blank">
                  {s.title}
                </Link>
              ))}
            </Flex>
          }
          data-testid="kb-similar"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="category" label={t('kb.fields.category')}>
            <Select
              allowClear
              loading={categories.isLoading}
              options={categoryOptions}
              placeholder={t('kb.editor.categoryPlaceholder')}
              data-testid="kb-category"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="visibility" label={t('kb.fields.visibility')} extra={t('kb.editor.visibilityHint')}>
            <Radio.Group
              optionType="button"
              options={(['technicians', 'staff'] as const).map((v) => ({ value: v, label: t(`kb.visibility.${v}`) }))}
              data-testid="kb-visibility-input"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="tags"
            label={t('kb.fields.tags')}
            rules={[
              { type: 'array', max: KB_TAGS_MAX, message: t('validation.too_many', { max: KB_TAGS_MAX }) },
              {
                validator: (_, value: string[] | undefined) =>
                  (value ?? []).every((v) => v.trim() && v.length <= KB_TAG_MAX && !/[,，]/.test(v))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('kb.editor.tagRule', { max: KB_TAG_MAX }))),
              },
            ]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，']}
              options={(tags.data ?? []).map((x) => ({ value: x.tag, label: x.tag }))}
              placeholder={t('kb.editor.tagsPlaceholder')}
              data-testid="kb-tags"
            />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {t('kb.editor.markdownHint')}
      </Typography.Text>
      {phone ? (
        <Tabs
          items={[
            {
              key: 'edit',
              label: (
                <>
                  <FormOutlined /> {t('kb.editor.write')}
                </>
              ),
              children: editor,
              forceRender: true,
            },
            {
              key: 'preview',
              label: (
                <>
                  <EyeOutlined /> {t('kb.editor.preview')}
                </>
              ),
              children: previewPane,
            },
          ]}
        />
      ) : (
        <Row gutter={16}>
          <Col span={12}>{editor}</Col>
          <Col span={12}>{previewPane}</Col>
        </Row>
      )}

      <Card size="small" style={{ marginTop: 16 }}>
        {article ? (
          <ArticleFiles articleId={article.id} canWrite onInsert={insert} />
        ) : (
          <Typography.Text type="secondary">{t('kb.editor.filesAfterSave')}</Typography.Text>
        )}
      </Card>

      <Flex wrap gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button loading={saving === 'draft'} disabled={saving !== null} onClick={() => void save('draft')} data-testid="kb-save-draft">
          {article?.status === 'published' ? t('kb.editor.unpublish') : t('kb.editor.saveDraft')}
        </Button>
        <Button
          type="primary"
          loading={saving === 'published'}
          disabled={saving !== null}
          onClick={() => void save('published')}
          data-testid="kb-publish"
        >
          {article?.status === 'published' ? t('kb.editor.savePublished') : t('kb.editor.publish')}
        </Button>
      </Flex>
    </Form>
  );
}
