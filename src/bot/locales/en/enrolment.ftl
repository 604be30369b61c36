# Programme enrolment, status, privacy and admin work (English).
# Variables inserted into HTML messages are escaped by the code. Keys used as plain text (buttons, button
# answers, replies without parse_mode) must not contain HTML tags.

## Starting /daftar
enrol-intro = 📝 <b>Programme enrolment</b>
    I will ask 9 questions, one at a time. Your answers are saved at every step, so you can stop and continue at any time.
enrol-resume = ↩️ You have an enrolment in progress. Let's continue from the last question (type /batal to start over).
enrol-none-open = No programme is taking registrations right now. See /program for upcoming dates.
enrol-private-only = Enrolment is only possible in a private chat with the bot, so that group members cannot see your data. Press the button below to open it.
private-only = This command only works in a private chat with the bot, so that group members cannot see your data.
enrol-open-private = 💬 Open private chat
enrol-cancelled = Enrolment cancelled and your answers deleted. Type /daftar to start again.
enrol-already-active = You already have request #{ $id } for this programme (status: { $status }). One NIP may have only one request in progress or approved per programme. Choose another programme, or see /status.
enrol-submitted = ✅ <b>Request #{ $id } submitted.</b>
    Programme: { $programme }
    The programme admins have been notified and will review your request. The decision will be sent to this chat.
    Follow it with /status; cancel it with /batal { $id }.
enrol-duplicate = The request cannot be submitted: this NIP already has request <b>#{ $id }</b> for the same programme (status: <b>{ $status }</b>). Check /status, change the programme or NIP, or cancel.

## Wizard questions
wizard-step = Step { $n } of { $total }
wizard-ask-programme = Choose the programme you want to join (only programmes currently taking registrations):
wizard-programme-levels = Levels: { $levels }
wizard-programme-window = registration until { $closes }
wizard-ask-full_name = Type your <b>full name</b> with academic titles, as on your civil-service decree (e.g. <i>Dr. Siti Rahma, S.Kom., M.T.</i>).
wizard-ask-nip = Type your <b>NIP</b> (18 digits, spaces allowed), e.g. <code>19900115 201503 1 002</code>.
wizard-ask-instansi = Type your <b>agency/OPD</b> (e.g. <i>Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur</i>).
wizard-ask-jabatan = Type your current <b>position</b> (e.g. <i>Pranata Komputer Ahli Muda</i>).
wizard-ask-level = Choose your <b>position level</b> with the buttons below (or type it, e.g. <i>eselon III</i>).
wizard-level-allowed = This programme is for: <b>{ $levels }</b>.
wizard-ask-email = Type your <b>official e-mail</b> address (preferably ending in .go.id).
wizard-ask-phone = Type your <b>mobile number</b> (optional, e.g. <code>0812-3456-7890</code>), or press <b>Skip</b>.
wizard-ask-motivation = Write a <b>short motivation</b> for joining this programme (10–500 characters).
wizard-current-value = Current answer: <i>{ $value }</i>
wizard-cancel-hint = Type /batal to cancel.
wizard-btn-cancel = ❌ Cancel
wizard-btn-skip = ⏭ Skip
wizard-btn-change-programme = 🔁 Change programme
wizard-btn-submit = ✅ Submit request
wizard-btn-edit = ✏️ Edit a field
wizard-btn-back = « Back to summary
wizard-summary-title = Enrolment summary
wizard-summary-intro = Please check your data before it is sent to the admins:
wizard-summary-actions = Press <b>Submit request</b> if everything is correct, <b>Edit a field</b> to fix something, or <b>Cancel</b>.
wizard-phone-skipped = — (not given)
wizard-use-buttons = All answers are filled in. Use the buttons under the summary to submit, edit or cancel.
wizard-stale = This button is no longer valid. Continue from the latest message or type /daftar.
wizard-edit-which = Choose the field to change.
wizard-edit-ignored = Editing a message does not change your enrolment answers. Answer the latest question, or change a field with Edit a field on the summary.

## Field names
field-programme = Programme
field-full_name = Full name
field-nip = NIP
field-instansi = Agency/OPD
field-jabatan = Position
field-level = Level
field-email = E-mail
field-phone = Phone
field-motivation = Motivation

## Refused answers (the same question is asked again below)
err-full_name_length = The full name must be 3–100 characters.
err-full_name_chars = The name may only contain letters, spaces and the punctuation of titles (full stop, comma, apostrophe, hyphen), and must start with a letter.
err-instansi_length = The agency/OPD name must be 2–150 characters.
err-jabatan_length = The position must be 2–150 characters.
err-level_invalid = Level not recognised. Choose one of the buttons (pelaksana, fungsional, pengawas, administrator, pimpinan tinggi).
err-email_invalid = That e-mail address is not valid. A correct example: <code>name@kaltimprov.go.id</code>.
err-phone_invalid = That mobile number is not valid. Use an Indonesian mobile number such as <code>0812-3456-7890</code> or <code>+62 812 3456 7890</code>, or press Skip.
err-motivation_length = The motivation must be 10–500 characters.
err-nip_length = An NIP has exactly <b>18 digits</b>; what you sent has { $count } characters (without spaces).
err-nip_digits = An NIP may only contain <b>digits</b> (spaces are allowed as separators).
err-nip_birth_date = The <b>birth date</b> in the NIP (digits 1–8, YYYYMMDD) is not valid: check the year, month and day.
err-nip_tmt = The <b>CPNS start date (TMT)</b> in the NIP (digits 9–14, YYYYMM) is not valid: the month must be 01–12, not in the future, and at least 17 years after the birth year.
err-nip_gender = The <b>gender digit</b> of the NIP (digit 15) must be 1 (male) or 2 (female).
err-nip_sequence = The <b>sequence number</b> of the NIP (digits 16–18) cannot be 000.
err-programme_unknown = Programme not found. Choose one of the buttons below.
err-programme_closed = Registration for that programme is closed or not open yet. Choose another programme.
err-not_eligible = <b>{ $programme }</b> is only for: <b>{ $levels }</b>. Level { $level } is not eligible. Choose the right level if you picked the wrong one, or press Change programme.
err-unexpected_step = That answer belongs to another question. Please answer the question below.
err-draft_incomplete = Some answers are still missing.

## Warnings (answer accepted)
warn-email_not_official = This is not an official (.go.id) address. It is accepted; please make sure it is correct and in use.
warn-level_reset = The level you chose earlier does not fit this programme (only: { $levels }), so please choose it again.

## Request status
status-pending = Waiting for an admin's decision
status-needs_info = The admin asked for more information
status-approved = Approved
status-rejected = Rejected
status-cancelled = Cancelled
status-title = Your requests
status-label = Status
status-submitted = Submitted
status-updated = Updated
status-reason = Reason
status-note = Note
status-question = Admin's question
status-reply-hint = 💬 Reply by typing your answer in this chat; it will be forwarded to the admins.
status-cancel-hint = Cancel: /batal { $id }
status-none = You have no requests yet. Type /daftar to enrol in a programme.
status-none-draft = You have not submitted a request yet, but an enrolment is in progress. Type /daftar to continue.
status-more = … and { $count } older requests.
status-draft-open = An enrolment is in progress: type /daftar to continue.

## Cancelling a request
cancel-usage = Usage: /batal or /batal ID (e.g. /batal 12).
cancel-nothing = There is no enrolment in progress or active request to cancel.
cancel-which = You have several active requests. Choose the one to cancel (or type /batal ID):
cancel-btn-this = Cancel #{ $id }
cancel-confirm = Cancel request <b>#{ $id }</b> for <b>{ $programme }</b>? This cannot be undone.
cancel-btn-yes = Yes, cancel it
cancel-btn-no = No
cancel-done = Request #{ $id } has been cancelled. The admins will see the change.
cancel-kept = Request #{ $id } was not cancelled.
cancel-not-found = Request #{ $id } is not among your requests.
cancel-not-cancellable = Request #{ $id } cannot be cancelled because its status is: { $status }.

## Answering a request for information
info-forwarded = Thank you. Your answer for request #{ $id } has been forwarded to the admins, and the request is waiting for a decision again.
info-too-long = Your answer is too long (at most { $max } characters). Please shorten it and send it again.

## Decision notices to the applicant
notice-approved-title = ✅ Request #{ $id } approved
notice-rejected-title = ❌ Request #{ $id } rejected
notice-needs_info-title = ❓ The admin needs more information for request #{ $id }
notice-note = Admin's note
notice-reason = Reason
notice-question = Admin's question
notice-approved-next = Congratulations! The organiser will send the details of the training. Check /status at any time.
notice-rejected-next = You may apply again once the requirements are met (/daftar), or contact the programme admins.
notice-needs_info-next = 💬 <b>Reply by typing your answer in this chat</b> (an ordinary text message). Your next text message will be forwarded to the admins for request #{ $id }.

## Admin request card
card-title = Request #{ $id }
card-applicant = Applicant
card-profile = Telegram profile
card-locale-id = Indonesian
card-locale-en = English
card-submitted = Submitted
card-anonymised = The applicant's personal data has been deleted (UU PDP); an anonymous record is kept for the audit.
card-history = History
card-history-asked = Information requested by { $name } · { $at }
card-history-answered = Applicant answered · { $at }
card-decided-approved = Approved by <b>{ $name }</b> · { $at }
card-decided-rejected = Rejected by <b>{ $name }</b> · { $at }
card-decided-needs_info = Information requested by <b>{ $name }</b> · { $at } — waiting for the applicant
card-cancelled = Cancelled · { $at }
card-note = Note
card-reason = Reason
card-question = Question
card-btn-approve = ✅ Approve
card-btn-reject = ❌ Reject
card-btn-info = ❓ Ask for info
forward-title = Applicant's answer for request #{ $id }
forward-question = Admin's question
forward-answer = Answer
forward-next = The request is waiting for a decision again: use the buttons on its card or /lihat { $id }.

## Admin decisions
admin-not-authorised = You are not authorised to decide requests. Only the programme admins can do that.
admin-wrong-chat = Admin commands only work in a private chat with the bot or in the admin group.
admin-not-found = Request #{ $id } not found.
admin-already-decided = Request #{ $id } was already decided by { $name } at { $at } (status: { $status }).
admin-already-closed = Request #{ $id } is no longer waiting for a decision (status: { $status }).
admin-done-approved = ✅ Request #{ $id } approved. The applicant will be notified.
admin-done-rejected = ❌ Request #{ $id } rejected. The applicant will be notified with the reason.
admin-done-needs_info = ❓ The question for request #{ $id } was sent to the applicant. Their answer will be forwarded here.
admin-prompt-toast = Type the reason as a reply.
admin-prompt-reject = { $mention }, type the <b>reason for rejecting</b> request #{ $id } as a reply to this message. The applicant will read it. Type /batal to cancel.
admin-prompt-info = { $mention }, type your <b>question for the applicant</b> of request #{ $id } as a reply to this message. Type /batal to cancel.
admin-prompt-placeholder = Type the reason/question…
admin-prompt-aborted = Cancelled: request #{ $id } was not changed.
admin-prompt-expired = This reason prompt is no longer active (expired or already used); nothing was changed. Press the button on the request card again.
admin-reason-required = The reason cannot be empty.
admin-reason-too-long = The reason is too long (at most { $max } characters).
admin-usage-view = Usage: /lihat ID (e.g. /lihat 12).
admin-usage-approve = Usage: /setujui ID [note] (e.g. /setujui 12).
admin-usage-reject = Usage: /tolak ID reason (e.g. /tolak 12 This batch is full).

## /antrian
queue-title = Request queue — page { $page }/{ $pages } ({ $total } in total, oldest first)
queue-empty = The queue is empty: no request is waiting for a decision.
queue-btn-view = 🔎 View #{ $id }
queue-btn-prev = « Previous
queue-btn-next = Next »

## /ekspor
export-usage = Unknown filter: <code>{ $token }</code>. Usage: /ekspor [status] [programme-id], e.g. <code>/ekspor approved gta-2027</code>. Statuses: pending, needs_info, approved, rejected, cancelled, active.
export-all-statuses = all statuses
export-all-programmes = all programmes
export-empty = No request matches ({ $filter }).
export-caption = 📄 <b>{ $count } requests</b> ({ $filter }). The file contains personal data: store it safely and do not share it.

## /statistik
stats-title = 📊 Statistics
stats-requests = Requests: { $total }
stats-by-programme = By programme
stats-unanswered = Unanswered questions (top 5)
stats-unanswered-none = None yet.
stats-feedback = Answer ratings
stats-feedback-partial = Partial answers (knowledge base lacking)
stats-partial-mark = partly answered

## /reindex
reindex-started = ⏳ Re-indexing the knowledge documents…
reindex-done = Index updated in { $seconds } s
reindex-added = { $count } new files
reindex-changed = { $count } changed files
reindex-removed = { $count } removed files
reindex-unchanged = { $count } unchanged files · { $chunks } text chunks
reindex-full = Full rebuild: { $reason }
reindex-no-errors = No errors.
reindex-errors = { $count } files could not be indexed:
reindex-failed = Re-indexing failed: { $message }. The previous index is still in use.

## /hapusdata
privacy-delete-confirm = 🗑 <b>Delete your personal data?</b>
    This deletes: any unfinished enrolment, the personal data in all your requests (name, NIP, agency, position, e-mail, phone, motivation), your language choice and your answer ratings.
    Requests still waiting will be <b>cancelled</b>. Decided requests are kept as anonymous records for the audit.
    This cannot be undone.
privacy-delete-btn-yes = 🗑 Yes, delete my data
privacy-delete-btn-no = Keep my data
privacy-delete-kept = Your data was not deleted.
privacy-delete-done = ✅ <b>Your personal data has been deleted.</b>
    • Unfinished enrolments deleted: { $drafts }
    • Active requests cancelled: { $cancelled }
    • Requests anonymised: { $anonymised }
    • Pending notifications discarded: { $dropped }
    • Your language choice and answer ratings were deleted.
    Anonymous records of decisions are kept for the audit (UU PDP No. 27/2022).
wizard-question-hint = That looks like a question. You are filling in the enrolment form, so I can't answer questions right now: answer the form question below, or type /batal to stop and ask.
