// How article Markdown becomes React elements, safely: GitHub-flavoured Markdown (tables, task
// lists, strikethrough), raw HTML shown as the text it is (there is no rehype-raw: a <script> or
// an <img onerror> typed into an article never becomes an element), links only to http(s),
// mailto or relative addresses, images only from relative addresses (our attachments).
// Written without JSX so the node test runner can load it as it is.
import { createElement, type ReactNode } from 'react';
import type { Components, ExtraProps, Options, UrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The scheme a browser would see ('' for a relative address). Browsers drop tabs, newlines and
 * leading controls or spaces before parsing, so "java\tscript:" is javascript: to them, too.
 */
export function schemeOf(url: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return m ? m[1]!.toLowerCase() : '';
}

/** A same-origin relative address: no scheme, and not "//host" (or "/\host", which browsers read alike). */
export function isRelative(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  return schemeOf(url) === '' && !/^[/\\]{2}/.test(cleaned);
}

export function safeLink(url: string): string {
  const scheme = schemeOf(url);
  return scheme === '' || LINK_SCHEMES.has(scheme) ? url : '';
}

export function safeImage(url: string): string {
  return isRelative(url) ? url : '';
}

export const urlTransform: UrlTransform = (url, key, node) => (key === 'src' || node.tagName === 'img' ? safeImage(url) : safeLink(url));

type Props<T extends keyof React.JSX.IntrinsicElements> = React.JSX.IntrinsicElements[T] & ExtraProps;

/** Everything but react-markdown's own `node` prop, which is no HTML attribute. */
function attributes<T extends object>(props: T & ExtraProps): Omit<T, 'node'> {
  const { node: _node, ...rest } = props;
  return rest;
}

const components: Components = {
  a(props: Props<'a'>) {
    const { href, children, ...rest } = attributes(props);
    if (!href) return createElement('span', { className: 'kb-md-dead-link' }, children as ReactNode);
    const external = schemeOf(href) === 'http' || schemeOf(href) === 'https' || /^[/\\]{2}/.test(href);
    return createElement(
      'a',
      { ...rest, href, ...(external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {}) },
      children as ReactNode,
    );
  },
  img(props: Props<'img'>) {
    const { src, alt, title } = attributes(props);
    if (typeof src !== 'string' || !src) return createElement('span', { className: 'kb-md-dead-image' }, alt ? `[${alt}]` : '');
    return createElement('img', { src, alt: alt ?? '', title, loading: 'lazy', className: 'kb-md-image' });
  },
  // Wide tables scroll on a phone instead of widening the page.
  table(props: Props<'table'>) {
    return createElement('div', { className: 'kb-md-table' }, createElement('table', attributes(props)));
  },
};

/** The props every rendering of article Markdown uses. */
export const MARKDOWN_OPTIONS: Readonly<Omit<Options, 'children'>> = {
  remarkPlugins: [remarkGfm],
  skipHtml: false,
  urlTransform,
  components,
};
