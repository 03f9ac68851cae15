/** data-testid for component props typed without data-* attributes (button props objects, menu labels). */
export function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}
