# Bahasa Indonesia (bawaan). Teks dinamis di-escape oleh kode sebelum disisipkan.
start-welcome =
    Halo, <b>{ $name }</b>! 👋
    Saya <b>Asisten Digital ASN</b> — asisten untuk ASN tentang <b>SPBE</b> dan <b>pelatihan digital</b> (DTS, GTA, DLA, GCIO/CGIO).

    Yang bisa saya bantu:
    • Menjawab pertanyaan dari dokumen resmi, lengkap dengan sumbernya
    • Menampilkan program pelatihan yang sedang dibuka (/program)
    • Mengajukan pendaftaran program ke admin (/daftar) dan memantau statusnya (/status)

    Tulis saja pertanyaan Anda, misalnya: <i>Berapa indeks SPBE Kaltim 2024?</i>
btn-example = 💡 Contoh pertanyaan
btn-programmes = 📚 Program pelatihan
btn-enrol = 📝 Daftar program
btn-help = ❓ Bantuan
btn-language = 🌐 Bahasa
example-question = Berapa indeks SPBE Kaltim 2024?
help-text =
    <b>Cara memakai Asisten Digital ASN</b>
    Kirim pertanyaan dalam bahasa Indonesia atau Inggris. Jawaban disusun dari dokumen resmi dan selalu mencantumkan sumber.

    <b>Perintah</b>
    /start — mulai dan menu utama
    /program — daftar program pelatihan
    /daftar — ajukan pendaftaran program
    /status — status pengajuan saya
    /batal — batalkan pengisian atau pengajuan
    /sumber — sumber lengkap jawaban terakhir
    /bahasa — ganti bahasa (Indonesia/English)
    /privasi — data yang disimpan dan cara menghapusnya
    /hapusdata — hapus data pribadi saya
    /bantuan — bantuan ini

    Di grup: pakai /tanya pertanyaan atau balas pesan saya (menyebut @{ $username } juga bisa bila mode privasi bot dimatikan di @BotFather).
help-admin =
    <b>Perintah admin</b>
    /antrian — antrean pengajuan (terlama dulu)
    /lihat ID — rincian pengajuan
    /setujui ID — setujui pengajuan
    /tolak ID alasan — tolak pengajuan
    /ekspor [status] [program] — unduh CSV
    /statistik — ringkasan pengajuan dan pertanyaan
    /reindex — indeks ulang dokumen pengetahuan
language-choose = Pilih bahasa / Choose your language:
language-set = ✅ Bahasa diganti ke Bahasa Indonesia.
privacy-text =
    <b>Privasi dan perlindungan data (UU PDP No. 27 Tahun 2022)</b>

    <b>Yang kami simpan</b>
    • Pilihan bahasa Anda dan id Telegram.
    • Data pengajuan program yang Anda isi sendiri lewat /daftar: nama, NIP, instansi, jabatan, eselon, e-mail dinas, nomor telepon (opsional), motivasi — hanya untuk diproses admin program.
    • Penilaian 👍/👎 atas jawaban, dan pertanyaan yang belum terjawab (tanpa data pribadi) untuk perbaikan basis pengetahuan.
    • Bila Anda menekan 🔔 "Kabari saya", pertanyaan itu disimpan bersama id Telegram Anda sampai dijawab (paling lama 90 hari); tombol yang tidak ditekan dibuang setelah sehari.

    <b>Yang tidak kami simpan</b>
    • Isi pertanyaan biasa Anda tidak dicatat di log; NIP, NIK, nomor telepon, dan e-mail selalu disamarkan.

    <b>Berapa lama</b>
    • Data pribadi pada pengajuan yang sudah diputuskan disamarkan otomatis setelah { $days } hari; catatan anonim tetap disimpan untuk audit.

    <b>Menghapus data</b>
    • Ketik /hapusdata untuk menghapus data pribadi Anda kapan saja.
sources-none = Belum ada jawaban yang bisa ditampilkan sumbernya. Ajukan pertanyaan terlebih dulu.
sources-title = <b>Sumber jawaban terakhir</b>
sources-heading = Bagian
sources-verified = Diverifikasi
sources-open = Buka sumber
answer-sources = Sumber
answer-more-sources = Kutipan lengkap: /sumber
programmes-title = <b>Program pelatihan</b> (✅ dibuka · ⛔ ditutup)
programmes-empty = Belum ada program di katalog.
programme-open = ✅ Pendaftaran dibuka { $opens } – { $closes }
programme-closed = ⛔ Pendaftaran ditutup (periode { $opens } – { $closes })
programme-upcoming = ⏳ Pendaftaran dibuka { $opens } – { $closes }
programme-example = <i>Catatan: tanggal dan kuota adalah contoh ilustrasi, periksa pengumuman resmi.</i>
programme-provider = Penyelenggara
programme-audience = Sasaran
programme-eligibility = Jenjang yang dapat mendaftar
programme-mode = Moda
programme-quota = Kuota
programme-link = Tautan resmi
btn-enrol-this = 📝 Daftar program ini
btn-back = « Kembali
mode-online = daring (online)
mode-offline = luring (tatap muka)
mode-hybrid = campuran (hybrid)
level-pelaksana = Pelaksana
level-fungsional = Fungsional
level-pengawas = Pengawas (eselon IV)
level-administrator = Administrator (eselon III)
level-pimpinan_tinggi = Pimpinan Tinggi (eselon I/II)
unsupported-media = Maaf, saya hanya dapat membaca pesan teks. Silakan ketik pertanyaan Anda. 🙂
rate-limited = ⏳ Pesan Anda terlalu cepat. Mohon tunggu beberapa detik sebelum mengirim lagi.
error-generic = Maaf, terjadi kendala saat memproses permintaan Anda. Silakan coba lagi sebentar lagi.
callback-expired = Tombol ini sudah tidak berlaku.
feedback-thanks-up = Terima kasih atas penilaiannya! 👍
feedback-thanks-down = Terima kasih, masukan Anda membantu kami memperbaiki jawaban. 👎
feedback-already = Penilaian Anda sudah tercatat.
group-ask-usage = Tulis pertanyaan setelah perintah, misalnya: /tanya apa itu SPBE?
edited-reanswer = ✏️ Jawaban untuk pesan yang Anda edit:
thinking = ⏳ Sedang mencari jawaban…
not-admin = Maaf, perintah ini hanya untuk admin program.
cmd-start = Mulai dan menu utama
cmd-help = Bantuan dan daftar perintah
cmd-program = Daftar program pelatihan
cmd-enrol = Ajukan pendaftaran program
cmd-status = Status pengajuan saya
cmd-cancel = Batalkan pengisian/pengajuan
cmd-sources = Sumber jawaban terakhir
cmd-language = Ganti bahasa
cmd-privacy = Privasi dan data saya
cmd-delete = Hapus data pribadi saya
cmd-ask = Bertanya (di grup)
cmd-queue = Antrean pengajuan (admin)
cmd-view = Rincian pengajuan (admin)
cmd-approve = Setujui pengajuan (admin)
cmd-reject = Tolak pengajuan (admin)
cmd-export = Ekspor CSV (admin)
cmd-stats = Statistik (admin)
cmd-reindex = Indeks ulang dokumen (admin)
btn-helpful = 👍 Membantu
btn-not-helpful = 👎 Kurang membantu
sources-documents = Sumber dokumen
unsupported-media-form = Maaf, saya hanya dapat membaca pesan teks. Anda sedang mengisi formulir pendaftaran: ketik jawaban untuk pertanyaan terakhir, atau /batal untuk berhenti.
unsupported-media-info = Maaf, berkas atau gambar belum dapat diteruskan. Tulis jawaban Anda untuk admin sebagai pesan teks (misalnya nomor dan tanggal dokumen yang diminta).
