import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../../src/knowledge/chunker.js';
import { parseTextDocument } from '../../../src/knowledge/loaders.js';
import { applyRegulation } from '../../../src/knowledge/regulation/document.js';

/**
 * One ayat with a long list of huruf is longer than a chunk: it is cut before a huruf (never in
 * the middle of one), and each later part opens with the ayat's own first paragraph, so the part
 * holding "g. menyediakan 10% …" still says who must provide it.
 */
const items = 'abcdefghi'.split('').map((h, i) => `${h}. ${i === 6 ? 'menyediakan sekurang-kurangnya 10% (sepuluh perseratus) dari kapasitas kanal saluran untuk menyalurkan program dari Lembaga Penyiaran Publik dan Lembaga Penyiaran Swasta' : `memenuhi persyaratan teknis nomor ${i + 1} sesuai dengan ketentuan peraturan perundang-undangan yang mengatur penyelenggaraan penyiaran berlangganan`};`);
const TEXT = `PERATURAN MENTERI KOMUNIKASI DAN INFORMATIKA
NOMOR 5 TAHUN 2031
TENTANG
PENYIARAN CONTOH
MEMUTUSKAN:
Pasal 1
(1) Lembaga Penyiaran Berlangganan dalam menyelenggarakan penyiaran berlangganan wajib mengikuti ketentuan sebagai berikut:
${items.join('\n')}
(2) Ketentuan sebagaimana dimaksud pada ayat (1) diawasi oleh Menteri.
Pasal 2
Peraturan Menteri ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Jakarta`;

describe('a long ayat split across chunks', () => {
  const doc = applyRegulation(parseTextDocument(TEXT, 'p.txt'), {}, false);
  const chunks = chunkDocument(doc).filter((c) => c.regulation?.pasal === '1');

  it('is cut before a huruf, each part keeping the ayat\'s opening and the Pasal', () => {
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    const withG = chunks.find((c) => c.text.includes('g. menyediakan'))!;
    expect(withG.text).toContain('Lembaga Penyiaran Publik dan Lembaga Penyiaran Swasta;');
    expect(withG.text.startsWith('(1) Lembaga Penyiaran Berlangganan dalam menyelenggarakan penyiaran berlangganan wajib mengikuti ketentuan sebagai berikut:\n…\n')).toBe(true);
    expect(withG.citation).toBe('Permenkominfo 5/2031 Pasal 1 ayat (1)');
    expect(withG.headingPath).toEqual(['Pasal 1']);
    // Every huruf is whole in exactly one part.
    for (const item of items) expect(chunks.filter((c) => c.text.includes(item)).length).toBe(1);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(900);
  });
});
