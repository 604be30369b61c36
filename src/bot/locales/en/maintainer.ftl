## Content maintainers: uploads, /dokumen, /hapusdokumen, /celah, 🔔 watches, 👎 reasons

not-maintainer = Sorry, this command is for content maintainers (MAINTAINER_IDS) and admins only.
maintainer-private-only = Maintainer commands work only in a private chat with the bot.
help-maintainer =
    <b>Content maintainer commands</b>
    Send a document (PDF, DOCX, HTML, TXT, MD; max. 20 MB) to this chat to add it to the knowledge base. The caption may contain:
    <code>judul: …</code> (title), <code>sumber: https://…</code> (source), <code>diverifikasi: 2026-11-30</code> (verified)
    /dokumen [words] — list documents (with search)
    /hapusdokumen — remove an uploaded document
    /celah — unanswered questions
cmd-documents = List documents (maintainer)
cmd-remove-document = Remove an uploaded document (maintainer)
cmd-gaps = Knowledge gaps (maintainer)

upload-checking = ⏳ Checking and indexing <b>{ $name }</b> …
upload-too-big = ❌ <b>{ $name }</b> is { $size } MB, above Telegram's 20 MB download limit for bots. Nothing changed. Make the file smaller (compress the PDF or split it by chapter) and send it again.
upload-empty = ❌ <b>{ $name }</b> is empty (0 bytes). Nothing changed.
upload-image = ❌ <b>{ $name }</b> is an image ({ $what }), not a document. Send a PDF, DOCX, HTML, TXT or MD file. For scans, run OCR first so the text can be read. Nothing changed.
upload-unsupported = ❌ The file type of <b>{ $name }</b> ({ $what }) is not supported. Send a PDF, DOCX, HTML, TXT or MD file. Nothing changed.
upload-bad-caption-url = ❌ The source in the caption is not a valid web address: <code>{ $value }</code>. Write e.g. <code>sumber: https://…</code> and send again. Nothing changed.
upload-bad-caption-date = ❌ The verification date in the caption is not valid: <code>{ $value }</code>. Use YYYY-MM-DD, e.g. <code>diverifikasi: 2026-11-30</code>. Nothing changed.
upload-scanned = ❌ <b>{ $name }</b> is a scanned PDF without text (page images only), which the bot cannot read. Run OCR ("save as searchable PDF") and send it again. Nothing changed.
upload-no-text = ❌ <b>{ $name }</b> contains no text that can be indexed. Nothing changed.
upload-parse-error = ❌ <b>{ $name }</b> cannot be read: { $message }. Check that the file is not damaged (open it on a computer) and send it again. Nothing changed.
upload-index-failed = ❌ Indexing failed: { $message }. The document was not added; the previous index keeps serving.
upload-download-failed = ❌ The file could not be downloaded from Telegram ({ $message }). Please try again shortly. Nothing changed.
upload-expired = This button has expired. Send the document again.
upload-conflict =
    ⚠️ The same document already exists: { $existing }
    Replace it with the new <b>{ $title }</b>?
upload-btn-replace = 🔁 Replace
upload-btn-keep = ✖️ Cancel
upload-kept = OK, the existing document stays. The new upload was discarded.
upload-done-title = ✅ Document added and in use now:
upload-replaced-title = ✅ Document replaced and in use now:
upload-regulation = Regulation: { $jenis } Number { $nomor } of { $tahun }
upload-regulation-about = on { $tentang }
upload-file = File
upload-shape = Sections: { $sections } · Articles: { $articles } · Chunks indexed: { $chunks }
upload-warning-renamed = Extension { $from } does not match the content; stored as { $to }.
upload-warning-caption = Caption lines not recognised were ignored: { $lines }
upload-warning-pages = { $pages } of { $total } pages have no text (scanned?); their content cannot be answered from.
upload-warning-few = Only { $chunks } chunks from a file this size: check that its text was read completely.
upload-waiting-answered = 🔔 { $count } waiting questions are now answered; their askers are being notified.
upload-btn-undo = ↩️ Undo upload
upload-undone = ↩️ Upload <code>{ $file }</code> undone{ $restored }. The index is updated.
upload-undone-restored = ; the previous version is restored

documents-title = <b>Knowledge base documents</b> ({ $total }) · page { $page }/{ $pages }
documents-title-search = <b>Documents matching "{ $query }"</b> ({ $total }) · page { $page }/{ $pages }
documents-none = No document matches "{ $query }".
documents-line = { $kind } · { $chunks } chunks · verified { $verified }
documents-uploaded = uploaded by { $by }, { $at }
documents-shipped = shipped
documents-prev = ◀️ Previous
documents-next = Next ▶️

remove-usage = Choose the uploaded document to remove (shipped documents are protected):
remove-none = No uploaded documents yet. Shipped documents can only be removed on the command line: <code>npm run reindex -- --remove FILE --force</code>
remove-confirm = Remove <b>{ $title }</b> (<code>{ $file }</code>) from the knowledge base? Answers will no longer use it.
remove-btn-yes = 🗑 Yes, remove
remove-btn-no = Cancel
remove-cancelled = OK, the document was not removed.
remove-done = 🗑 <b>{ $title }</b> removed. The index is updated.
remove-protected = 🔒 <code>{ $file }</code> is a shipped document and protected. Remove it on the server: <code>npm run reindex -- --remove { $file } --force</code>
remove-not-found = Document "{ $file }" not found. See /dokumen.

gaps-title = <b>Knowledge gaps</b> — questions not (fully) answered, grouped
gaps-none = No unanswered questions yet. 🎉
gaps-line = { $n }. { $example } <i>(×{ $count }{ $partial })</i>
    first { $first } · last { $last }
gaps-partial = , { $count } partial
gaps-waiting = 🔔 { $count } askers are waiting to be told.
gaps-btn-examples = Examples { $n }
gaps-examples-title = <b>Example questions</b> ({ $count }×, first { $first }, last { $last }):
gaps-example-partial = (partial)

watch-btn = 🔔 Tell me when there is an answer
watch-confirmed = 🔔 OK! You will be told once when the answer is available (for up to { $days } days). /hapusdata deletes this.
watch-expired = This offer has expired. Ask again to get the button.
watch-answer-ready-title = Your question can now be answered:

feedback-reason-ask = Thank you. What was wrong? (optional)
feedback-reason-wrong = Wrong
feedback-reason-outdated = Outdated
feedback-reason-incomplete = Incomplete
feedback-reason-irrelevant = Not relevant
feedback-reason-thanks = Thank you, your feedback is recorded for the content maintainers.
stats-feedback-reasons = 👎 reasons: wrong { $wrong } · outdated { $outdated } · incomplete { $incomplete } · not relevant { $irrelevant }
reindex-waiting-answered = 🔔 Waiting questions now answered: { $count }
