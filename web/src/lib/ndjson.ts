// Reads a newline-delimited JSON response as it arrives (import commits stream their progress).

/** Calls onLine for every complete JSON line; resolves when the stream ends. */
export async function readNdjson(body: ReadableStream<Uint8Array>, onLine: (value: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      emit(buffer.slice(0, nl), onLine);
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
    if (done) break;
  }
  // The last line may come without a trailing newline.
  emit(buffer, onLine);
}

function emit(line: string, onLine: (value: unknown) => void): void {
  const trimmed = line.trim();
  if (trimmed) onLine(JSON.parse(trimmed));
}
