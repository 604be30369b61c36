import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary directory, removed by the returned cleanup. */
export function makeTmpDir(prefix = 'asisten-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/** A small knowledge base in Indonesian used across tests. */
export const SAMPLE_DOCS: Record<string, string> = {
  'indeks-spbe.md': `---
title: "Indeks SPBE Kalimantan Timur"
topic: spbe-indeks
keywords: [indeks SPBE, score, Kaltim]
sources:
  - https://contoh.go.id/indeks
last_verified: 2026-11-01
---

# Indeks SPBE Kalimantan Timur

## Indeks SPBE Kaltim 2024
Indeks SPBE Pemerintah Provinsi Kalimantan Timur tahun 2024 adalah 3,79 dengan predikat Sangat Baik. Nilai ini naik dari tahun sebelumnya.

## Indeks SPBE Kaltim 2023
Indeks SPBE Provinsi Kalimantan Timur tahun 2023 adalah 2,91. Target untuk tahun berikutnya adalah 3,0.
`,
  'gta.md': `---
title: "Government Transformation Academy (GTA)"
sources: [https://digitalent.komdigi.go.id]
---

# Government Transformation Academy (GTA)

## Peserta GTA
Government Transformation Academy (GTA) adalah akademi Digital Talent Scholarship untuk peserta dari kalangan ASN. Pelatihan GTA gratis bagi aparatur sipil negara.

## Sertifikat GTA
Peserta GTA yang lulus mendapat sertifikat penyelesaian dari Komdigi.
`,
  'glossary.yaml': `acronyms:
  - term: SPBE
    expansion: Sistem Pemerintahan Berbasis Elektronik
    aliases: [e-government]
  - term: Kaltim
    expansion: Kalimantan Timur
  - term: GTA
    expansion: Government Transformation Academy
synonyms:
  - [pelatihan, training]
  - [sertifikat, certificate]
  - [peserta, participants]
informal:
  thn: tahun
  brp: berapa
`,
};
