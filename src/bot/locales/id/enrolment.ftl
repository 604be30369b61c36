# Pendaftaran program, status, privasi, dan pekerjaan admin (Bahasa Indonesia).
# Variabel yang disisipkan ke pesan HTML sudah di-escape oleh kode. Kunci yang dipakai sebagai teks biasa
# (tombol, jawaban tombol, balasan tanpa parse_mode) tidak boleh berisi tag HTML.

## Memulai /daftar
enrol-intro = 📝 <b>Pendaftaran program pelatihan</b>
    Saya akan menanyakan 9 hal satu per satu. Jawaban Anda tersimpan di setiap langkah, jadi Anda bisa berhenti dan melanjutkan kapan saja.
enrol-resume = ↩️ Anda sedang mengisi pendaftaran. Kita lanjutkan dari pertanyaan terakhir (ketik /batal untuk mulai ulang).
enrol-none-open = Saat ini tidak ada program yang membuka pendaftaran. Lihat /program untuk jadwal berikutnya.
enrol-private-only = Pendaftaran hanya dapat dilakukan di chat pribadi dengan bot agar data Anda tidak terlihat anggota grup. Tekan tombol di bawah untuk membukanya.
private-only = Perintah ini hanya dapat dipakai di chat pribadi dengan bot, agar data Anda tidak terlihat anggota grup.
enrol-open-private = 💬 Buka chat pribadi
enrol-cancelled = Pengisian pendaftaran dibatalkan dan jawaban Anda sudah dihapus. Ketik /daftar untuk memulai lagi.
enrol-already-active = Anda sudah memiliki pengajuan #{ $id } untuk program ini (status: { $status }). Satu NIP hanya boleh memiliki satu pengajuan yang masih diproses atau sudah disetujui per program. Pilih program lain, atau lihat /status.
enrol-submitted = ✅ <b>Pengajuan #{ $id } terkirim.</b>
    Program: { $programme }
    Admin program sudah diberi tahu dan akan meninjau pengajuan Anda. Keputusan akan dikirim ke chat ini.
    Pantau statusnya dengan /status; batalkan dengan /batal { $id }.
enrol-duplicate = Pengajuan tidak dapat dikirim: NIP ini sudah memiliki pengajuan <b>#{ $id }</b> untuk program yang sama (status: <b>{ $status }</b>). Periksa /status, ubah program atau NIP, atau batalkan pengisian.

## Pertanyaan wizard
wizard-step = Langkah { $n } dari { $total }
wizard-ask-programme = Pilih program yang ingin Anda ikuti (hanya program yang sedang membuka pendaftaran):
wizard-programme-levels = Jenjang: { $levels }
wizard-programme-window = pendaftaran s.d. { $closes }
wizard-ask-full_name = Tulis <b>nama lengkap</b> Anda beserta gelar, sesuai SK kepegawaian (contoh: <i>Dr. Siti Rahma, S.Kom., M.T.</i>).
wizard-ask-nip = Tulis <b>NIP</b> Anda (18 digit, spasi boleh), contoh: <code>19900115 201503 1 002</code>.
wizard-ask-instansi = Tulis nama <b>instansi/OPD</b> Anda (contoh: <i>Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur</i>).
wizard-ask-jabatan = Tulis <b>jabatan</b> Anda saat ini (contoh: <i>Pranata Komputer Ahli Muda</i>).
wizard-ask-level = Pilih <b>jenjang jabatan</b> Anda dengan tombol di bawah (atau ketik, misalnya <i>eselon III</i>).
wizard-level-allowed = Program ini untuk jenjang: <b>{ $levels }</b>.
wizard-ask-email = Tulis alamat <b>e-mail dinas</b> Anda (sebaiknya berakhiran .go.id).
wizard-ask-phone = Tulis <b>nomor HP</b> Anda (opsional, contoh: <code>0812-3456-7890</code>), atau tekan <b>Lewati</b>.
wizard-ask-motivation = Tulis <b>motivasi singkat</b> Anda mengikuti program ini (10–500 karakter).
wizard-current-value = Isian saat ini: <i>{ $value }</i>
wizard-cancel-hint = Ketik /batal untuk membatalkan pengisian.
wizard-btn-cancel = ❌ Batal
wizard-btn-skip = ⏭ Lewati
wizard-btn-change-programme = 🔁 Ganti program
wizard-btn-submit = ✅ Kirim pengajuan
wizard-btn-edit = ✏️ Ubah isian
wizard-btn-back = « Kembali ke ringkasan
wizard-summary-title = Ringkasan pendaftaran
wizard-summary-intro = Periksa kembali data Anda sebelum dikirim ke admin:
wizard-summary-actions = Tekan <b>Kirim pengajuan</b> bila sudah benar, <b>Ubah isian</b> untuk memperbaiki salah satu data, atau <b>Batal</b>.
wizard-phone-skipped = — (tidak diisi)
wizard-use-buttons = Semua data sudah terisi. Gunakan tombol di bawah ringkasan untuk mengirim, mengubah, atau membatalkan.
wizard-stale = Tombol ini sudah tidak berlaku. Lanjutkan dari pesan terakhir atau ketik /daftar.
wizard-edit-which = Pilih data yang ingin diubah.
wizard-edit-ignored = Pesan yang diedit tidak mengubah isian pendaftaran. Jawab pertanyaan terakhir, atau ubah data lewat tombol Ubah isian di ringkasan.

## Nama kolom
field-programme = Program
field-full_name = Nama lengkap
field-nip = NIP
field-instansi = Instansi/OPD
field-jabatan = Jabatan
field-level = Jenjang
field-email = E-mail
field-phone = Telepon
field-motivation = Motivasi

## Kesalahan isian (pertanyaan yang sama diulang di bawahnya)
err-full_name_length = Nama lengkap harus 3–100 karakter.
err-full_name_chars = Nama hanya boleh berisi huruf, spasi, dan tanda baca gelar (titik, koma, apostrof, tanda hubung), dan harus diawali huruf.
err-instansi_length = Nama instansi/OPD harus 2–150 karakter.
err-jabatan_length = Nama jabatan harus 2–150 karakter.
err-level_invalid = Jenjang tidak dikenali. Pilih salah satu tombol (pelaksana, fungsional, pengawas, administrator, pimpinan tinggi).
err-email_invalid = Alamat e-mail tidak valid. Contoh yang benar: <code>nama@kaltimprov.go.id</code>.
err-phone_invalid = Nomor HP tidak valid. Gunakan nomor seluler Indonesia seperti <code>0812-3456-7890</code> atau <code>+62 812 3456 7890</code>, atau tekan Lewati.
err-motivation_length = Motivasi harus 10–500 karakter.
err-nip_length = NIP harus tepat <b>18 digit</b>; yang Anda kirim berisi { $count } karakter (tanpa spasi).
err-nip_digits = NIP hanya boleh berisi <b>angka</b> (spasi boleh sebagai pemisah).
err-nip_birth_date = <b>Tanggal lahir</b> pada NIP (digit 1–8, format TTTTBBHH) tidak valid: periksa tahun, bulan, dan tanggalnya.
err-nip_tmt = <b>TMT CPNS</b> pada NIP (digit 9–14, format TTTTBB) tidak valid: bulan harus 01–12, tidak boleh di masa depan, dan minimal 17 tahun setelah tahun lahir.
err-nip_gender = <b>Kode jenis kelamin</b> pada NIP (digit ke-15) harus 1 (laki-laki) atau 2 (perempuan).
err-nip_sequence = <b>Nomor urut</b> pada NIP (digit 16–18) tidak boleh 000.
err-programme_unknown = Program tidak ditemukan. Pilih salah satu tombol di bawah.
err-programme_closed = Pendaftaran program itu sudah ditutup atau belum dibuka. Pilih program lain.
err-not_eligible = Program <b>{ $programme }</b> hanya untuk jenjang: <b>{ $levels }</b>. Jenjang { $level } tidak memenuhi syarat. Pilih jenjang yang sesuai bila tadi salah pilih, atau tekan Ganti program.
err-unexpected_step = Jawaban itu untuk pertanyaan lain. Jawab pertanyaan di bawah.
err-draft_incomplete = Masih ada data yang belum diisi.

## Peringatan (jawaban diterima)
warn-email_not_official = Alamat ini bukan e-mail dinas (.go.id). Tetap kami terima; pastikan alamatnya benar dan aktif.
warn-level_reset = Jenjang yang Anda pilih sebelumnya tidak sesuai untuk program ini (hanya: { $levels }), jadi perlu dipilih lagi.

## Status pengajuan
status-pending = Menunggu keputusan admin
status-needs_info = Admin meminta informasi tambahan
status-approved = Disetujui
status-rejected = Ditolak
status-cancelled = Dibatalkan
status-title = Pengajuan Anda
status-label = Status
status-submitted = Diajukan
status-updated = Diperbarui
status-reason = Alasan
status-note = Catatan
status-question = Pertanyaan admin
status-reply-hint = 💬 Balas dengan mengetik jawaban Anda di chat ini; jawaban akan diteruskan ke admin.
status-cancel-hint = Batalkan: /batal { $id }
status-none = Anda belum memiliki pengajuan. Ketik /daftar untuk mendaftar program.
status-none-draft = Anda belum mengirim pengajuan, tetapi ada pengisian pendaftaran yang belum selesai. Ketik /daftar untuk melanjutkan.
status-more = … dan { $count } pengajuan lebih lama.
status-draft-open = Ada pengisian pendaftaran yang belum selesai: ketik /daftar untuk melanjutkan.

## Pembatalan pengajuan
cancel-usage = Format: /batal atau /batal ID (misalnya /batal 12).
cancel-nothing = Tidak ada pengisian atau pengajuan aktif yang dapat dibatalkan.
cancel-which = Anda memiliki beberapa pengajuan aktif. Pilih yang ingin dibatalkan (atau ketik /batal ID):
cancel-btn-this = Batalkan #{ $id }
cancel-confirm = Batalkan pengajuan <b>#{ $id }</b> untuk <b>{ $programme }</b>? Tindakan ini tidak dapat diurungkan.
cancel-btn-yes = Ya, batalkan
cancel-btn-no = Tidak
cancel-done = Pengajuan #{ $id } telah dibatalkan. Admin akan melihat perubahan ini.
cancel-kept = Pengajuan #{ $id } tidak dibatalkan.
cancel-not-found = Pengajuan #{ $id } tidak ditemukan di antara pengajuan Anda.
cancel-not-cancellable = Pengajuan #{ $id } tidak dapat dibatalkan karena statusnya: { $status }.

## Jawaban atas permintaan informasi
info-forwarded = Terima kasih. Jawaban Anda untuk pengajuan #{ $id } sudah diteruskan ke admin, dan pengajuan kembali menunggu keputusan.
info-too-long = Jawaban terlalu panjang (maksimal { $max } karakter). Persingkat lalu kirim lagi.

## Pemberitahuan keputusan ke pemohon
notice-approved-title = ✅ Pengajuan #{ $id } disetujui
notice-rejected-title = ❌ Pengajuan #{ $id } ditolak
notice-needs_info-title = ❓ Admin meminta informasi tambahan untuk pengajuan #{ $id }
notice-note = Catatan admin
notice-reason = Alasan
notice-question = Pertanyaan admin
notice-approved-next = Selamat! Informasi pelaksanaan akan disampaikan oleh penyelenggara. Lihat /status kapan saja.
notice-rejected-next = Anda dapat mengajukan kembali bila persyaratan sudah terpenuhi (/daftar), atau hubungi admin program.
notice-needs_info-next = 💬 <b>Balas dengan mengetik jawaban Anda di chat ini</b> (pesan teks biasa). Pesan teks Anda berikutnya akan diteruskan ke admin untuk pengajuan #{ $id }.

## Kartu pengajuan untuk admin
card-title = Pengajuan #{ $id }
card-applicant = Pemohon
card-profile = profil Telegram
card-locale-id = bahasa Indonesia
card-locale-en = bahasa Inggris
card-submitted = Diajukan
card-anonymised = Data pribadi pemohon telah dihapus (UU PDP); catatan anonim disimpan untuk audit.
card-history = Riwayat
card-history-asked = Info diminta oleh { $name } · { $at }
card-history-answered = Pemohon menjawab · { $at }
card-decided-approved = Disetujui oleh <b>{ $name }</b> · { $at }
card-decided-rejected = Ditolak oleh <b>{ $name }</b> · { $at }
card-decided-needs_info = Info diminta oleh <b>{ $name }</b> · { $at } — menunggu jawaban pemohon
card-cancelled = Dibatalkan · { $at }
card-note = Catatan
card-reason = Alasan
card-question = Pertanyaan
card-btn-approve = ✅ Setujui
card-btn-reject = ❌ Tolak
card-btn-info = ❓ Minta info
forward-title = Jawaban pemohon untuk pengajuan #{ $id }
forward-question = Pertanyaan admin
forward-answer = Jawaban
forward-next = Pengajuan kembali menunggu keputusan: gunakan tombol pada kartunya atau /lihat { $id }.

## Keputusan admin
admin-not-authorised = Anda tidak berwenang memutuskan pengajuan. Hanya admin program yang dapat melakukannya.
admin-wrong-chat = Perintah admin hanya dapat dipakai di chat pribadi dengan bot atau di grup admin.
admin-not-found = Pengajuan #{ $id } tidak ditemukan.
admin-already-decided = Pengajuan #{ $id } sudah diputuskan oleh { $name } pada { $at } (status: { $status }).
admin-already-closed = Pengajuan #{ $id } tidak lagi menunggu keputusan (status: { $status }).
admin-done-approved = ✅ Pengajuan #{ $id } disetujui. Pemohon akan diberi tahu.
admin-done-rejected = ❌ Pengajuan #{ $id } ditolak. Pemohon akan diberi tahu beserta alasannya.
admin-done-needs_info = ❓ Pertanyaan untuk pengajuan #{ $id } dikirim ke pemohon. Jawabannya akan diteruskan ke sini.
admin-prompt-toast = Ketik alasannya sebagai balasan.
admin-prompt-reject = { $mention }, ketik <b>alasan penolakan</b> pengajuan #{ $id } sebagai balasan pesan ini. Alasan dikirim ke pemohon. Ketik /batal untuk membatalkan.
admin-prompt-info = { $mention }, ketik <b>pertanyaan untuk pemohon</b> pengajuan #{ $id } sebagai balasan pesan ini. Ketik /batal untuk membatalkan.
admin-prompt-placeholder = Ketik alasan/pertanyaan…
admin-prompt-aborted = Dibatalkan: pengajuan #{ $id } tidak diubah.
admin-prompt-expired = Permintaan alasan ini sudah tidak berlaku (kedaluwarsa atau sudah dipakai); tidak ada yang diubah. Tekan lagi tombol di kartu pengajuan.
admin-reason-required = Alasan tidak boleh kosong.
admin-reason-too-long = Alasan terlalu panjang (maksimal { $max } karakter).
admin-usage-view = Format: /lihat ID (misalnya /lihat 12).
admin-usage-approve = Format: /setujui ID [catatan] (misalnya /setujui 12).
admin-usage-reject = Format: /tolak ID alasan (misalnya /tolak 12 Kuota angkatan ini sudah penuh).

## /antrian
queue-title = Antrean pengajuan — halaman { $page }/{ $pages } (total { $total }, terlama dulu)
queue-empty = Antrean kosong: tidak ada pengajuan yang menunggu keputusan.
queue-btn-view = 🔎 Lihat #{ $id }
queue-btn-prev = « Sebelumnya
queue-btn-next = Berikutnya »

## /ekspor
export-usage = Filter tidak dikenali: <code>{ $token }</code>. Format: /ekspor [status] [id-program], misalnya <code>/ekspor disetujui gta-2027</code>. Status: menunggu, perlu_info, disetujui, ditolak, dibatalkan, aktif.
export-all-statuses = semua status
export-all-programmes = semua program
export-empty = Tidak ada pengajuan yang cocok ({ $filter }).
export-caption = 📄 <b>{ $count } pengajuan</b> ({ $filter }). Berkas berisi data pribadi: simpan dengan aman dan jangan disebarkan.

## /statistik
stats-title = 📊 Statistik
stats-requests = Pengajuan: { $total }
stats-by-programme = Per program
stats-unanswered = Pertanyaan belum terjawab (5 teratas)
stats-unanswered-none = Belum ada.
stats-feedback = Penilaian jawaban
stats-feedback-partial = Jawaban sebagian (basis pengetahuan kurang)
stats-partial-mark = dijawab sebagian

## /reindex
reindex-started = ⏳ Sedang mengindeks ulang dokumen pengetahuan…
reindex-done = Indeks diperbarui dalam { $seconds } detik
reindex-added = { $count } berkas baru
reindex-changed = { $count } berkas berubah
reindex-removed = { $count } berkas dihapus
reindex-unchanged = { $count } berkas tidak berubah · { $chunks } potongan teks
reindex-full = Dibangun ulang penuh: { $reason }
reindex-no-errors = Tidak ada kesalahan.
reindex-errors = { $count } berkas gagal diindeks:
reindex-failed = Indeks ulang gagal: { $message }. Indeks lama tetap dipakai.

## /hapusdata
privacy-delete-confirm = 🗑 <b>Hapus data pribadi Anda?</b>
    Yang akan dihapus: pengisian pendaftaran yang belum selesai, data pribadi pada semua pengajuan Anda (nama, NIP, instansi, jabatan, e-mail, telepon, motivasi), pilihan bahasa, dan penilaian jawaban.
    Pengajuan yang masih menunggu akan <b>dibatalkan</b>. Pengajuan yang sudah diputuskan disimpan sebagai catatan anonim untuk audit.
    Tindakan ini tidak dapat diurungkan.
privacy-delete-btn-yes = 🗑 Ya, hapus data saya
privacy-delete-btn-no = Tidak jadi
privacy-delete-kept = Data Anda tidak dihapus.
privacy-delete-done = ✅ <b>Data pribadi Anda telah dihapus.</b>
    • Pengisian pendaftaran dihapus: { $drafts }
    • Pengajuan aktif dibatalkan: { $cancelled }
    • Pengajuan dianonimkan: { $anonymised }
    • Notifikasi tertunda dibatalkan: { $dropped }
    • Pilihan bahasa dan penilaian jawaban Anda dihapus.
    Catatan anonim keputusan tetap disimpan untuk audit (UU PDP No. 27/2022).
wizard-question-hint = Sepertinya Anda mengetik pertanyaan. Anda sedang mengisi formulir pendaftaran, jadi pertanyaan belum bisa saya jawab sekarang: jawab pertanyaan formulir di bawah, atau ketik /batal untuk berhenti lalu bertanya.
