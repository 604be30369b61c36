## Content maintainers: uploads, /dokumen, /hapusdokumen, /celah, 🔔 watches, 👎 reasons

not-maintainer = Maaf, perintah ini hanya untuk pengelola konten (MAINTAINER_IDS) dan admin.
maintainer-private-only = Perintah pengelola hanya dapat dipakai di chat pribadi dengan bot.
help-maintainer =
    <b>Perintah pengelola konten</b>
    Kirim dokumen (PDF, DOCX, HTML, TXT, MD; maks. 20 MB) ke chat ini untuk menambahkannya ke basis pengetahuan. Keterangan (caption) boleh berisi:
    <code>judul: …</code>, <code>sumber: https://…</code>, <code>diverifikasi: 2026-11-30</code>
    /dokumen [kata] — daftar dokumen (dengan pencarian)
    /hapusdokumen — hapus dokumen unggahan
    /celah — pertanyaan yang belum terjawab
cmd-documents = Daftar dokumen (pengelola)
cmd-remove-document = Hapus dokumen unggahan (pengelola)
cmd-gaps = Celah pengetahuan (pengelola)

upload-checking = ⏳ Memeriksa dan mengindeks <b>{ $name }</b> …
upload-too-big = ❌ Berkas <b>{ $name }</b> berukuran { $size } MB, melebihi batas unduhan bot Telegram (20 MB). Tidak ada yang berubah. Perkecil berkas (mis. kompres PDF atau pisah per bab), lalu kirim lagi.
upload-empty = ❌ Berkas <b>{ $name }</b> kosong (0 bita). Tidak ada yang berubah.
upload-image = ❌ <b>{ $name }</b> adalah gambar ({ $what }), bukan dokumen. Kirim PDF, DOCX, HTML, TXT atau MD. Untuk hasil pindaian, jalankan OCR dulu agar teksnya dapat dibaca. Tidak ada yang berubah.
upload-unsupported = ❌ Jenis berkas <b>{ $name }</b> ({ $what }) tidak didukung. Kirim PDF, DOCX, HTML, TXT atau MD. Tidak ada yang berubah.
upload-bad-caption-url = ❌ Sumber pada keterangan bukan alamat web yang valid: <code>{ $value }</code>. Tulis mis. <code>sumber: https://jdih.kaltimprov.go.id/…</code> lalu kirim lagi. Tidak ada yang berubah.
upload-bad-caption-date = ❌ Tanggal verifikasi pada keterangan tidak valid: <code>{ $value }</code>. Tulis dalam format TTTT-BB-HH, mis. <code>diverifikasi: 2026-11-30</code>. Tidak ada yang berubah.
upload-scanned = ❌ <b>{ $name }</b> adalah PDF hasil pindaian tanpa teks (hanya gambar halaman). Bot tidak dapat membacanya. Jalankan OCR (mis. "Save as searchable PDF") lalu kirim lagi. Tidak ada yang berubah.
upload-no-text = ❌ <b>{ $name }</b> tidak berisi teks yang dapat diindeks. Tidak ada yang berubah.
upload-parse-error = ❌ <b>{ $name }</b> tidak dapat dibaca: { $message }. Periksa bahwa berkas tidak rusak (buka di komputer), lalu kirim lagi. Tidak ada yang berubah.
upload-index-failed = ❌ Pengindeksan gagal: { $message }. Dokumen tidak ditambahkan; indeks lama tetap dipakai.
upload-download-failed = ❌ Berkas tidak dapat diunduh dari Telegram ({ $message }). Coba kirim lagi sebentar lagi. Tidak ada yang berubah.
upload-expired = Tombol ini sudah kedaluwarsa. Kirim dokumennya lagi.
upload-conflict =
    ⚠️ Dokumen yang sama sudah ada: { $existing }
    Ganti dengan <b>{ $title }</b> yang baru dikirim?
upload-btn-replace = 🔁 Ganti
upload-btn-keep = ✖️ Batal
upload-kept = Baik, dokumen lama tetap dipakai. Unggahan baru dibuang.
upload-done-title = ✅ Dokumen ditambahkan dan langsung dipakai:
upload-replaced-title = ✅ Dokumen diganti dan langsung dipakai:
upload-regulation = Peraturan: { $jenis } Nomor { $nomor } Tahun { $tahun }
upload-regulation-about = tentang { $tentang }
upload-file = Berkas
upload-shape = Bagian: { $sections } · Pasal: { $articles } · Potongan terindeks: { $chunks }
upload-warning-renamed = Ekstensi { $from } tidak sesuai isi; disimpan sebagai { $to }.
upload-warning-caption = Baris keterangan yang tidak dikenali diabaikan: { $lines }
upload-warning-pages = { $pages } dari { $total } halaman tanpa teks (mungkin hasil pindaian); isinya tidak ikut terjawab.
upload-warning-few = Hanya { $chunks } potongan dari berkas sebesar ini: periksa apakah teksnya terbaca lengkap.
upload-waiting-answered = 🔔 { $count } pertanyaan yang menunggu kini terjawab; penanyanya sedang dikabari.
upload-btn-undo = ↩️ Batalkan unggahan
upload-undone = ↩️ Unggahan <code>{ $file }</code> dibatalkan{ $restored }. Indeks sudah diperbarui.
upload-undone-restored = ; versi sebelumnya dipulihkan

documents-title = <b>Dokumen basis pengetahuan</b> ({ $total }) · halaman { $page }/{ $pages }
documents-title-search = <b>Dokumen yang cocok dengan "{ $query }"</b> ({ $total }) · halaman { $page }/{ $pages }
documents-none = Tidak ada dokumen yang cocok dengan "{ $query }".
documents-line = { $kind } · { $chunks } potongan · diverifikasi { $verified }
documents-uploaded = diunggah { $by }, { $at }
documents-shipped = bawaan
documents-prev = ◀️ Sebelumnya
documents-next = Berikutnya ▶️

remove-usage = Pilih dokumen unggahan yang akan dihapus (dokumen bawaan dilindungi):
remove-none = Belum ada dokumen unggahan. Dokumen bawaan hanya dapat dihapus lewat baris perintah: <code>npm run reindex -- --remove BERKAS --force</code>
remove-confirm = Hapus <b>{ $title }</b> (<code>{ $file }</code>) dari basis pengetahuan? Jawaban bot tidak lagi memakai dokumen ini.
remove-btn-yes = 🗑 Ya, hapus
remove-btn-no = Batal
remove-cancelled = Baik, dokumen tidak dihapus.
remove-done = 🗑 <b>{ $title }</b> dihapus. Indeks sudah diperbarui.
remove-protected = 🔒 <code>{ $file }</code> adalah dokumen bawaan dan dilindungi. Hapus lewat baris perintah di server: <code>npm run reindex -- --remove { $file } --force</code>
remove-not-found = Dokumen "{ $file }" tidak ditemukan. Lihat /dokumen.

gaps-title = <b>Celah pengetahuan</b> — pertanyaan yang belum (lengkap) terjawab, dikelompokkan
gaps-none = Belum ada pertanyaan yang tidak terjawab. 🎉
gaps-line = { $n }. { $example } <i>(×{ $count }{ $partial })</i>
    pertama { $first } · terakhir { $last }
gaps-partial = , { $count } sebagian
gaps-waiting = 🔔 { $count } penanya menunggu kabar.
gaps-btn-examples = Contoh { $n }
gaps-examples-title = <b>Contoh pertanyaan</b> ({ $count }×, pertama { $first }, terakhir { $last }):
gaps-example-partial = (sebagian)

watch-btn = 🔔 Kabari saya bila sudah ada jawabannya
watch-confirmed = 🔔 Baik! Anda akan dikabari sekali bila jawabannya tersedia (paling lama { $days } hari). /hapusdata menghapusnya.
watch-expired = Tawaran ini sudah kedaluwarsa. Tanyakan lagi untuk mendapat tombolnya.
watch-answer-ready-title = Pertanyaan Anda kini dapat dijawab:

feedback-reason-ask = Terima kasih. Apa yang kurang? (opsional)
feedback-reason-wrong = Salah
feedback-reason-outdated = Usang
feedback-reason-incomplete = Tidak lengkap
feedback-reason-irrelevant = Tidak relevan
feedback-reason-thanks = Terima kasih, masukan Anda dicatat untuk pengelola konten.
stats-feedback-reasons = Alasan 👎: salah { $wrong } · usang { $outdated } · tidak lengkap { $incomplete } · tidak relevan { $irrelevant }
reindex-waiting-answered = 🔔 Pertanyaan menunggu yang kini terjawab: { $count }
