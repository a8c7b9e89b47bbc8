// Phone photos are often 4–12 MB; a rep on a weak signal should not have to send that.
// A large JPEG/PNG/WebP is redrawn at most 2048 px on its long side as a JPEG (quality
// 0.85), which keeps a defect readable at a fraction of the size. Anything the browser
// cannot decode (HEIC on most browsers), a small file, or a result that is not smaller is
// sent as it is.
const SHRINK_ABOVE = 1_500_000;
const LONG_SIDE = 2048;

export async function shrinkPhoto(file: File): Promise<File> {
  if (file.size <= SHRINK_ABOVE || !/^image\/(jpeg|png|webp)$/.test(file.type) || typeof createImageBitmap !== 'function') return file;
  try {
    const bmp = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, LONG_SIDE / Math.max(bmp.width, bmp.height));
    const w = Math.round(bmp.width * scale);
    const h = Math.round(bmp.height * scale);
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.drawImage(bmp, 0, 0, w, h);
    bmp.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg', lastModified: file.lastModified });
  } catch {
    return file;
  }
}
