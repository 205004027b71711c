import { useState } from 'react';
import { call } from '../../api/client';
import { openFile } from './open-file';

/** How often the screen asks a print job how far it is. */
const POLL_MS = 250;

/**
 * Prints letters as one PDF through a job in the core, showing how far it is (a bulk of
 * thousands takes seconds), then opens the file.
 */
export function usePrintLetters() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const print = async (ids: readonly number[]) => {
    setError(null);
    setProgress({ done: 0, total: ids.length });
    try {
      const { jobId } = await call('documents:print-start', { ids: [...ids] });
      for (;;) {
        const status = await call('documents:print-status', { jobId });
        setProgress({ done: status.done, total: status.total });
        if (status.file) {
          openFile(status.file);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(null);
    }
  };

  return { print, progress, error, busy: progress !== null };
}
