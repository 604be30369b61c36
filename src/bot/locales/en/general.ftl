# English. Dynamic text is escaped by the code before it is inserted.
start-welcome =
    Hello, <b>{ $name }</b>! 👋
    I am <b>Asisten Digital ASN</b> — an assistant for Indonesian civil servants about <b>SPBE</b> (e-government) and <b>digital training</b> (DTS, GTA, DLA, GCIO/CGIO).

    I can:
    • Answer questions from official documents, always with sources
    • Show training programmes open for registration (/program)
    • Send your enrolment request to the admins (/daftar) and track it (/status)

    Just type your question, e.g.: <i>What was Kaltim's SPBE index in 2024?</i>
btn-example = 💡 Example question
btn-programmes = 📚 Training programmes
btn-enrol = 📝 Enrol
btn-help = ❓ Help
btn-language = 🌐 Language
example-question = What was Kaltim's SPBE index in 2024?
help-text =
    <b>How to use Asisten Digital ASN</b>
    Send a question in Indonesian or English. Answers come from official documents and always list their sources.

    <b>Commands</b>
    /start — start and main menu
    /program — training programmes
    /daftar — enrol in a programme
    /status — my requests
    /batal — cancel the form or a request
    /sumber — full sources of the last answer
    /bahasa — change language (Indonesia/English)
    /privasi — what is stored and how to delete it
    /hapusdata — delete my personal data
    /bantuan — this help

    In groups: use /tanya question or reply to me (mentioning @{ $username } also works when the bot's privacy mode is off in @BotFather).
help-admin =
    <b>Admin commands</b>
    /antrian — request queue (oldest first)
    /lihat ID — request details
    /setujui ID — approve a request
    /tolak ID reason — reject a request
    /ekspor [status] [programme] — download CSV
    /statistik — requests and questions summary
    /reindex — re-index the knowledge documents
language-choose = Pilih bahasa / Choose your language:
language-set = ✅ Language changed to English.
privacy-text =
    <b>Privacy and data protection (Law No. 27 of 2022 on Personal Data Protection)</b>

    <b>What we store</b>
    • Your language choice and Telegram id.
    • The enrolment data you enter yourself via /daftar: name, NIP, agency, position, level, official e-mail, phone (optional), motivation — only for the programme admins to process.
    • 👍/👎 ratings of answers, and unanswered questions (without personal data) to improve the knowledge base.
    • If you press 🔔 "Tell me", that question is kept with your Telegram id until it is answered (at most 90 days); offers you do not press are discarded after a day.

    <b>What we do not store</b>
    • Your ordinary questions are not logged; NIP, NIK, phone numbers and e-mail addresses are always masked.

    <b>How long</b>
    • Personal data in decided requests is anonymised automatically after { $days } days; an anonymous record is kept for the audit trail.

    <b>Deleting your data</b>
    • Type /hapusdata to delete your personal data at any time.
sources-none = There is no answer with sources yet. Ask a question first.
sources-title = <b>Sources of the last answer</b>
sources-heading = Section
sources-verified = Verified
sources-open = Open source
answer-sources = Sources
answer-more-sources = Full excerpts: /sumber
programmes-title = <b>Training programmes</b> (✅ open · ⛔ closed)
programmes-empty = The catalogue has no programmes yet.
programme-open = ✅ Registration open { $opens } – { $closes }
programme-closed = ⛔ Registration closed (period { $opens } – { $closes })
programme-upcoming = ⏳ Registration opens { $opens } – { $closes }
programme-example = <i>Note: dates and quota are illustrative examples; check the official announcement.</i>
programme-provider = Provider
programme-audience = Audience
programme-eligibility = Levels that may enrol
programme-mode = Mode
programme-quota = Quota
programme-link = Official link
btn-enrol-this = 📝 Enrol in this programme
btn-back = « Back
mode-online = online
mode-offline = in person (offline)
mode-hybrid = hybrid
level-pelaksana = Executor staff (pelaksana)
level-fungsional = Functional (fungsional)
level-pengawas = Supervisor (eselon IV)
level-administrator = Administrator (eselon III)
level-pimpinan_tinggi = Senior executive (eselon I/II)
unsupported-media = Sorry, I can only read text messages. Please type your question. 🙂
rate-limited = ⏳ You are sending messages too fast. Please wait a few seconds.
error-generic = Sorry, something went wrong while handling your request. Please try again shortly.
callback-expired = This button is no longer valid.
feedback-thanks-up = Thanks for the rating! 👍
feedback-thanks-down = Thanks, your feedback helps us improve the answers. 👎
feedback-already = Your rating was already recorded.
group-ask-usage = Type the question after the command, e.g.: /tanya what is SPBE?
edited-reanswer = ✏️ Answer to your edited message:
thinking = ⏳ Looking for the answer…
not-admin = Sorry, this command is for programme admins only.
cmd-start = Start and main menu
cmd-help = Help and commands
cmd-program = Training programmes
cmd-enrol = Enrol in a programme
cmd-status = My requests
cmd-cancel = Cancel the form/request
cmd-sources = Sources of the last answer
cmd-language = Change language
cmd-privacy = Privacy and my data
cmd-delete = Delete my personal data
cmd-ask = Ask (in groups)
cmd-queue = Request queue (admin)
cmd-view = Request details (admin)
cmd-approve = Approve a request (admin)
cmd-reject = Reject a request (admin)
cmd-export = Export CSV (admin)
cmd-stats = Statistics (admin)
cmd-reindex = Re-index documents (admin)
btn-helpful = 👍 Helpful
btn-not-helpful = 👎 Not helpful
sources-documents = Document sources
unsupported-media-form = Sorry, I can only read text messages. You are filling in the enrolment form: type the answer to the last question, or /batal to stop.
unsupported-media-info = Sorry, files and pictures cannot be forwarded yet. Write your answer for the admins as a text message (for example the number and date of the requested document).
