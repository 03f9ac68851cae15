// Plain text out of an article's Markdown, for the list excerpt and the search index. This is
// never rendered as HTML anywhere: the web shows the excerpt as text and renders the Markdown
// itself with raw HTML switched off.

/** Markdown without its markup: link and image targets, tags, fences and emphasis marks dropped. */
export function markdownPlain(markdown: string): string {
  return (
    markdown
      // Images and links keep their visible text; the addresses are not words anyone searches for.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
      .replace(/^\s{0,3}(```|~~~).*$/gm, ' ')
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
      .replace(/^\s*\|?(\s*:?-{3,}:?\s*\|?)+\s*$/gm, ' ')
      .replace(/[*_~`|]+/g, ' ')
  );
}

/** The body without the heading lines (and blank lines) it opens with. */
function withoutLeadingHeadings(markdown: string): string {
  const lines = markdown.split('\n');
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line !== '' && !/^#{1,6}(\s|$)/.test(line)) break;
  }
  return lines.slice(i).join('\n');
}

/**
 * The first words of the body as one line, for lists. Opening headings are skipped: an article
 * made from a ticket starts with "## 问题描述", which says nothing about this article in a list.
 */
export function excerptOf(markdown: string, max = 160): string {
  const body = withoutLeadingHeadings(markdown);
  const text = markdownPlain(body.trim() ? body : markdown)
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** What the substring search and the similarity scoring read: title, tags and body text. */
export function articleSearchText(a: { title: string; tags: readonly string[]; bodyMarkdown: string }): string {
  return [a.title, a.tags.join(' '), markdownPlain(a.bodyMarkdown)].join(' ');
}
