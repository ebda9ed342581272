import type yauzl from 'yauzl';

/**
 * The zip's next entry (yauzl opened with `lazyEntries`), or null at its end: one entry at a
 * time, so a reader bounds what it looks at before asking for more. Shared by the spreadsheet
 * and the .docx readers.
 */
export function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const settle = (f: () => void) => () => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      f();
    };
    const onEntry = (entry: yauzl.Entry) => settle(() => resolve(entry))();
    const onEnd = settle(() => resolve(null));
    const onError = (error: Error) => settle(() => reject(error))();
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}
