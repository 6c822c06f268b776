// happy-dom has no Worker. This one runs the Studio reader's work (read-studio-exports.ts, what
// studio-reader.worker.ts runs) in the test's thread, behind the same messages: the request as the
// page posts it, the answer cloned as a worker's would be, nothing delivered once terminated. The
// work is imported when first asked for, as a worker loads it, so that a test file's mocks of the
// parsers apply to it.

export class InThreadWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private terminated = false;

  postMessage(request: unknown): void {
    void import('@/components/eligibility/read-studio-exports')
      .then(({ readStudioExports }) => readStudioExports(request))
      .then((answer) => {
        if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data: structuredClone(answer) }));
      });
  }

  terminate(): void {
    this.terminated = true;
  }
}
