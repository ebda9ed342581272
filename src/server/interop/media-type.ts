/**
 * The media type a file's first bytes show it to be (PDF, PNG, JPEG, TIFF), or null. What the
 * browser declares is not trusted: a renamed executable must not pass as a scan.
 */
export function sniffMediaType(head: Buffer): string | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const tiff = head.subarray(0, 4).toString('latin1');
  if (tiff === 'II*\u0000' || tiff === 'MM\u0000*') return 'image/tiff';
  return null;
}
