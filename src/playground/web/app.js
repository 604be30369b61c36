// Playground chat page for Asisten Digital ASN.
// Plain browser JavaScript, no build step, no framework, no network access beyond this server:
// every request goes to /playground/api/ on the same origin (the Content-Security-Policy enforces it).
// Bot message HTML comes pre-rendered and escaped by the server (renderEntitiesToSafeHtml).

const API = '/playground/api';
const TYPING_LABELS = {
  typing: 'mengetik…',
  upload_document: 'mengirim berkas…',
  upload_photo: 'mengirim foto…',
  upload_video: 'mengirim video…',
  record_voice: 'merekam suara…',
  upload_voice: 'mengirim suara…',
  choose_sticker: 'memilih stiker…',
  find_location: 'mencari lokasi…',
  record_video: 'merekam video…',
  record_video_note: 'merekam video…',
  upload_video_note: 'mengirim video…',
};
const TOAST_MS = 4000;
const BUTTON_BUSY_MS = 15000;

const state = {
  bot: null,
  views: [],
  view: null,
  speakerId: null,
  seq: 0,
  pollController: null,
  typingTimer: null,
  replyKeyboard: null,
  busyButtons: new Map(),
  /** the message the next text replies to (Telegram's "Reply"), or null */
  replyTo: null,
};

const $ = (id) => document.getElementById(id);
const els = {
  tabs: $('persona-tabs'),
  title: $('chat-title'),
  avatar: $('chat-avatar'),
  statusText: $('status-text'),
  typing: $('typing-indicator'),
  speakerField: $('speaker-field'),
  speaker: $('speaker-select'),
  messages: $('messages'),
  emptyHint: $('empty-hint'),
  connection: $('connection'),
  replyKeyboard: $('reply-keyboard'),
  replyBar: $('reply-bar'),
  replyBarSender: $('reply-bar-sender'),
  replyBarText: $('reply-bar-text'),
  replyCancel: $('reply-cancel'),
  composer: $('composer'),
  input: $('message-input'),
  commandsButton: $('commands-button'),
  commandsMenu: $('commands-menu'),
  attachButton: $('attach-button'),
  attachMenu: $('attach-menu'),
  fileInput: $('file-input'),
  toasts: $('toasts'),
};

// ---------------------------------------------------------------------------------------------------------------
// Server access
// ---------------------------------------------------------------------------------------------------------------

async function apiGet(path, signal) {
  const response = await fetch(`${API}/${path}`, { signal, cache: 'no-store' });
  const body = await response.json();
  if (!response.ok || !body.ok) throw new Error(body.error || `Permintaan gagal (${response.status})`);
  return body;
}

async function apiPost(path, payload) {
  const response = await fetch(`${API}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.ok) throw new Error(body.error || `Permintaan gagal (${response.status})`);
  return body;
}

// ---------------------------------------------------------------------------------------------------------------
// Personas (tabs) and speaker
// ---------------------------------------------------------------------------------------------------------------

function currentSpeaker() {
  return state.view?.speakers.find((s) => s.id === state.speakerId) ?? state.view?.speakers[0] ?? null;
}

function renderTabs() {
  els.tabs.replaceChildren(
    ...state.views.map((view) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.id = `tab-${view.key}`;
      tab.className = 'persona-tab';
      tab.dataset.testid = `persona-${view.key}`;
      tab.dataset.key = view.key;
      tab.setAttribute('aria-controls', 'chat-panel');
      tab.textContent = view.label;
      tab.addEventListener('click', () => selectView(view.key));
      return tab;
    }),
  );
  syncTabs();
}

function syncTabs() {
  for (const tab of els.tabs.querySelectorAll('[role="tab"]')) {
    const selected = tab.dataset.key === state.view?.key;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  if (state.view) $('chat-panel').setAttribute('aria-labelledby', `tab-${state.view.key} chat-title`);
}

/** Arrow keys move between tabs (the ARIA tabs pattern); Home/End jump to the ends. */
function onTabKeydown(event) {
  const tabs = [...els.tabs.querySelectorAll('[role="tab"]')];
  const index = tabs.indexOf(document.activeElement);
  if (index === -1) return;
  const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
  if (!(event.key in moves)) return;
  event.preventDefault();
  const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
  next.focus();
  selectView(next.dataset.key);
}

function renderHeader() {
  const view = state.view;
  const isGroup = view.chatType !== 'private';
  els.title.textContent = isGroup ? view.title : state.bot.first_name;
  els.avatar.textContent = (isGroup ? view.title : state.bot.first_name).trim().charAt(0).toUpperCase();
  els.avatar.classList.toggle('avatar--group', isGroup);
  els.statusText.textContent = isGroup ? `${view.speakers.length + 1} anggota` : 'bot';
  els.speakerField.hidden = view.speakers.length < 2;
  els.speaker.replaceChildren(
    ...view.speakers.map((speaker) => {
      const option = document.createElement('option');
      option.value = String(speaker.id);
      option.textContent = `${speaker.name} (${speaker.isAdmin ? 'admin' : 'anggota'})`;
      option.selected = speaker.id === state.speakerId;
      return option;
    }),
  );
  els.input.setAttribute('aria-label', `Tulis pesan sebagai ${currentSpeaker()?.name ?? ''}`);
}

async function selectView(key) {
  const view = state.views.find((v) => v.key === key) ?? state.views[0];
  if (!view) return;
  const changed = state.view?.key !== view.key;
  state.view = view;
  if (changed || !view.speakers.some((s) => s.id === state.speakerId)) state.speakerId = view.speakers[0]?.id ?? null;
  if (location.hash !== `#${view.key}`) history.replaceState(null, '', `#${view.key}`);
  syncTabs();
  renderHeader();
  closeMenus();
  if (changed) {
    setTyping(null);
    cancelReply();
    await loadMessages();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------------------------

const timeFormat = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit' });

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderDocument(doc) {
  const link = element('a', 'document');
  link.href = doc.url;
  link.download = doc.fileName;
  link.append(element('span', 'document-icon', '📄'), element('span', 'document-name', doc.fileName),
    element('span', 'document-size', `${formatSize(doc.size)} · unduh`));
  link.setAttribute('aria-label', `Unduh ${doc.fileName}, ${formatSize(doc.size)}`);
  return link;
}

function renderMedia(message) {
  if (message.kind === 'document' && message.document) return renderDocument(message.document);
  if (message.kind === 'sticker') {
    const sticker = element('div', 'sticker', message.sticker?.emoji ?? '👍');
    sticker.setAttribute('role', 'img');
    sticker.setAttribute('aria-label', `Stiker ${message.sticker?.emoji ?? ''}`);
    return sticker;
  }
  if (message.kind === 'photo') return element('div', 'media-placeholder', '🖼 Foto');
  if (message.kind === 'voice') return element('div', 'media-placeholder', '🎤 Pesan suara');
  return null;
}

/** Makes spoilers and /commands inside bot HTML usable by mouse and keyboard, as in Telegram. */
function enhanceText(container) {
  for (const spoiler of container.querySelectorAll('.tg-spoiler')) {
    spoiler.tabIndex = 0;
    spoiler.setAttribute('role', 'button');
    spoiler.setAttribute('aria-label', 'Teks tersembunyi, tekan untuk menampilkan');
  }
  for (const command of container.querySelectorAll('.tg-command')) {
    command.tabIndex = 0;
    command.setAttribute('role', 'button');
    command.title = `Kirim ${command.textContent}`;
  }
}

function renderKeyboard(message) {
  const rows = message.reply_markup?.inline_keyboard;
  if (!rows || message.from !== 'bot') return null;
  const keyboard = element('div', 'inline-keyboard');
  keyboard.setAttribute('role', 'group');
  keyboard.setAttribute('aria-label', 'Tombol pesan');
  for (const row of rows) {
    const line = element('div', 'inline-row');
    for (const button of row) line.append(renderInlineButton(message, button));
    keyboard.append(line);
  }
  return keyboard;
}

function renderInlineButton(message, button) {
  const node = element('button', 'inline-button', button.text);
  node.type = 'button';
  node.dataset.testid = 'inline-button';
  if (typeof button.callback_data === 'string') {
    node.addEventListener('click', () => pressButton(node, message.id, button.callback_data));
  } else if (typeof button.url === 'string') {
    node.classList.add('inline-button--url');
    node.setAttribute('aria-label', `${button.text} (membuka tautan di tab baru)`);
    node.addEventListener('click', () => window.open(button.url, '_blank', 'noopener,noreferrer'));
  } else {
    node.disabled = true;
    node.title = 'Jenis tombol ini tidak didukung di playground';
  }
  return node;
}

function fillBubble(node, message) {
  const bubble = element('div', 'bubble');
  if (state.view.chatType !== 'private' && message.from === 'user') {
    bubble.append(element('div', 'sender', message.sender.name));
  }
  if (message.replyTo) {
    const quote = element('div', 'reply-quote');
    quote.append(element('strong', '', message.replyTo.senderName), element('span', '', message.replyTo.text));
    bubble.append(quote);
  }
  const media = renderMedia(message);
  if (media) bubble.append(media);
  if (message.text) {
    const text = element('div', 'text');
    text.innerHTML = message.html; // escaped and restricted to safe tags by the server
    enhanceText(text);
    bubble.append(text);
  }
  const meta = element('div', 'meta');
  if (message.edited) meta.append(element('span', 'edited', 'diedit'));
  const time = element('time', '', timeFormat.format(new Date(message.date * 1000)));
  time.dateTime = new Date(message.date * 1000).toISOString();
  meta.append(time);
  bubble.append(meta);
  const reply = element('button', 'reply-action', '↩');
  reply.type = 'button';
  reply.dataset.testid = 'reply-button';
  reply.title = 'Balas';
  reply.setAttribute('aria-label', 'Balas pesan ini');
  reply.addEventListener('click', () => startReply(message));
  const keyboard = renderKeyboard(message);
  node.replaceChildren(bubble, reply, ...(keyboard ? [keyboard] : []));
}

/** Reply mode (Telegram's "Reply"): the next text is sent with reply_to_message set to `message`. */
function startReply(message) {
  const name = message.from === 'bot' ? state.bot.first_name : message.sender.name;
  state.replyTo = { id: message.id };
  els.replyBarSender.textContent = name;
  els.replyBarText.textContent = (message.text || '').slice(0, 120);
  els.replyBar.hidden = false;
  els.input.focus();
}

function cancelReply() {
  state.replyTo = null;
  els.replyBar.hidden = true;
}

function renderMessage(message) {
  const node = element('article', `message message--${message.from}`);
  node.id = `message-${message.id}`;
  node.dataset.testid = 'message';
  node.dataset.from = message.from;
  node.dataset.messageId = String(message.id);
  node.setAttribute('aria-label', message.from === 'bot' ? `Pesan dari ${state.bot.first_name}` : `Pesan dari ${message.sender.name}`);
  fillBubble(node, message);
  return node;
}

function isNearBottom() {
  const list = els.messages;
  return list.scrollHeight - list.scrollTop - list.clientHeight < 120;
}

function scrollToBottom() {
  els.messages.scrollTop = els.messages.scrollHeight;
}

function upsertMessage(message) {
  const stick = isNearBottom();
  const existing = document.getElementById(`message-${message.id}`);
  if (existing) {
    const focusedIndex = [...existing.querySelectorAll('button')].indexOf(document.activeElement);
    fillBubble(existing, message);
    if (focusedIndex >= 0) existing.querySelectorAll('button')[focusedIndex]?.focus();
  } else {
    els.messages.append(renderMessage(message));
  }
  els.emptyHint.hidden = true;
  updateReplyKeyboard(message);
  if (stick || (!existing && message.from === 'user')) scrollToBottom();
}

function removeMessage(messageId) {
  document.getElementById(`message-${messageId}`)?.remove();
  els.emptyHint.hidden = els.messages.querySelector('[data-testid="message"]') !== null;
}

async function loadMessages() {
  const chatId = state.view.chatId;
  state.pollController?.abort();
  els.messages.querySelectorAll('[data-testid="message"]').forEach((node) => node.remove());
  state.replyKeyboard = null;
  renderReplyKeyboard();
  try {
    const body = await apiGet(`messages?chatId=${encodeURIComponent(chatId)}`);
    if (state.view.chatId !== chatId) return;
    state.seq = body.seq;
    for (const message of body.messages) upsertMessage(message);
    els.emptyHint.hidden = body.messages.length > 0;
    scrollToBottom();
  } catch (error) {
    showToast(`Gagal memuat pesan: ${error.message}`);
  }
  startPolling();
}

// ---------------------------------------------------------------------------------------------------------------
// Live updates (long poll)
// ---------------------------------------------------------------------------------------------------------------

function startPolling() {
  state.pollController?.abort();
  const controller = new AbortController();
  state.pollController = controller;
  void pollLoop(controller);
}

async function pollLoop(controller) {
  const chatId = state.view.chatId;
  let failures = 0;
  while (!controller.signal.aborted) {
    try {
      const body = await apiGet(`events?chatId=${encodeURIComponent(chatId)}&after=${state.seq}`, controller.signal);
      if (controller.signal.aborted) return;
      failures = 0;
      els.connection.hidden = true;
      if (body.reset) {
        void loadMessages();
        return;
      }
      state.seq = body.seq;
      for (const event of body.events) applyEvent(event);
    } catch (error) {
      if (controller.signal.aborted) return;
      failures++;
      els.connection.hidden = false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * failures)));
    }
  }
}

function applyEvent(event) {
  switch (event.type) {
    case 'message':
      if (event.message.from === 'bot') setTyping(null);
      upsertMessage(event.message);
      // ForceReply: the client opens a reply to the bot's question, as Telegram's apps do.
      if (event.message.from === 'bot' && event.message.forceReply) startReply(event.message);
      break;
    case 'edit':
      upsertMessage(event.message);
      break;
    case 'delete':
      removeMessage(event.messageId);
      break;
    case 'chat_action':
      setTyping(event.action);
      break;
    case 'callback_answer':
      onCallbackAnswer(event.answer);
      break;
    case 'commands':
      void refreshState();
      break;
    default:
      break;
  }
}

/** Shows the chat action for ~5 s, or until the bot's next message, as Telegram does. */
function setTyping(action) {
  clearTimeout(state.typingTimer);
  if (!action) {
    els.typing.hidden = true;
    els.statusText.hidden = false;
    return;
  }
  const who = state.view.chatType === 'private' ? '' : `${state.bot.first_name} `;
  els.typing.textContent = `${who}${TYPING_LABELS[action] ?? 'sedang beraktivitas…'}`;
  els.typing.hidden = false;
  els.statusText.hidden = true;
  state.typingTimer = setTimeout(() => setTyping(null), 5000);
}

async function refreshState() {
  try {
    const body = await apiGet('state');
    state.bot = body.bot;
    state.views = body.views;
    state.view = state.views.find((v) => v.key === state.view?.key) ?? state.views[0];
    renderHeader();
    if (!els.commandsMenu.hidden) renderCommandsMenu();
  } catch {
    // the next poll reports connection problems
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Actions: send text, press buttons, attachments
// ---------------------------------------------------------------------------------------------------------------

async function sendText(text) {
  const speaker = currentSpeaker();
  if (!speaker || text.trim() === '') return;
  try {
    const replyTo = state.replyTo;
    await apiPost('send', { chatId: state.view.chatId, fromId: speaker.id, text, ...(replyTo ? { replyToMessageId: replyTo.id } : {}) });
    cancelReply();
  } catch (error) {
    showToast(`Pesan tidak terkirim: ${error.message}`, { alert: true });
    throw error;
  }
}

async function submitComposer() {
  const text = els.input.value;
  if (text.trim() === '') return;
  els.input.value = '';
  autoGrow();
  try {
    await sendText(text);
  } catch {
    els.input.value = text;
    autoGrow();
  }
}

async function pressButton(node, messageId, data) {
  const speaker = currentSpeaker();
  if (!speaker || node.getAttribute('aria-busy') === 'true') return;
  node.setAttribute('aria-busy', 'true');
  try {
    const body = await apiPost('press', { chatId: state.view.chatId, messageId, fromId: speaker.id, data });
    const timer = setTimeout(() => {
      state.busyButtons.delete(body.callbackQueryId);
      if (node.isConnected) node.removeAttribute('aria-busy');
      showToast('Bot tidak menjawab tombol ini (answerCallbackQuery tidak dipanggil).');
    }, BUTTON_BUSY_MS);
    state.busyButtons.set(body.callbackQueryId, { node, timer });
  } catch (error) {
    node.removeAttribute('aria-busy');
    showToast(`Tombol gagal: ${error.message}`, { alert: true });
  }
}

function onCallbackAnswer(answer) {
  const busy = state.busyButtons.get(answer.callbackQueryId);
  if (busy) {
    clearTimeout(busy.timer);
    busy.node.removeAttribute('aria-busy');
    state.busyButtons.delete(answer.callbackQueryId);
  }
  if (answer.text) showToast(answer.text, { alert: answer.showAlert });
  if (answer.url) window.open(answer.url, '_blank', 'noopener,noreferrer');
}

async function sendAttachment(kind) {
  const speaker = currentSpeaker();
  if (!speaker) return;
  if (kind === 'document') {
    els.fileInput.click();
    return;
  }
  try {
    await apiPost('sticker', { chatId: state.view.chatId, fromId: speaker.id, kind });
  } catch (error) {
    showToast(`Lampiran tidak terkirim: ${error.message}`, { alert: true });
  }
}

function readAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function sendChosenFile() {
  const file = els.fileInput.files?.[0];
  els.fileInput.value = '';
  const speaker = currentSpeaker();
  if (!file || !speaker) return;
  // Text already typed in the composer travels as the caption (e.g. "judul: …" for the maintainer's upload).
  const caption = els.input.value.trim();
  try {
    const contentBase64 = await readAsBase64(file);
    await apiPost('document', {
      chatId: state.view.chatId, fromId: speaker.id, fileName: file.name, mimeType: file.type || undefined, contentBase64,
      caption: caption || undefined,
    });
    if (caption) els.input.value = '';
  } catch (error) {
    showToast(`Dokumen tidak terkirim: ${error.message}`, { alert: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reply keyboard (custom keyboards sent with ReplyKeyboardMarkup)
// ---------------------------------------------------------------------------------------------------------------

function updateReplyKeyboard(message) {
  if (message.from === 'user' && state.replyKeyboard?.one_time_keyboard) {
    state.replyKeyboard = null; // Telegram hides a one-time keyboard once the person has answered
    renderReplyKeyboard();
    return;
  }
  if (message.from !== 'bot' || !message.replyKeyboard) return;
  state.replyKeyboard = message.replyKeyboard === 'remove' ? null : message.replyKeyboard;
  renderReplyKeyboard();
}

function renderReplyKeyboard() {
  const keyboard = state.replyKeyboard;
  els.replyKeyboard.hidden = !keyboard;
  if (!keyboard) {
    els.replyKeyboard.replaceChildren();
    return;
  }
  els.replyKeyboard.replaceChildren(
    ...keyboard.keyboard.map((row) => {
      const line = element('div', 'reply-row');
      for (const button of row) {
        const text = typeof button === 'string' ? button : button.text;
        const node = element('button', 'reply-button', text);
        node.type = 'button';
        const special = typeof button === 'object' && Object.keys(button).some((k) => k !== 'text');
        node.disabled = special;
        if (special) node.title = 'Jenis tombol ini tidak didukung di playground';
        node.addEventListener('click', async () => {
          if (keyboard.one_time_keyboard) {
            state.replyKeyboard = null;
            renderReplyKeyboard();
          }
          await sendText(text).catch(() => undefined);
        });
        line.append(node);
      }
      return line;
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Menus: commands and attachments
// ---------------------------------------------------------------------------------------------------------------

function renderCommandsMenu() {
  const commands = currentSpeaker()?.commands ?? [];
  if (commands.length === 0) {
    const empty = element('p', 'menu-empty', 'Bot belum mengatur daftar perintah.');
    els.commandsMenu.replaceChildren(empty);
    return;
  }
  els.commandsMenu.replaceChildren(
    ...commands.map((command) => {
      const item = element('button', 'menu-item');
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.tabIndex = -1;
      item.append(element('span', 'menu-command', `/${command.command}`), element('span', 'menu-description', command.description));
      item.addEventListener('click', () => insertCommand(command.command));
      return item;
    }),
  );
}

function insertCommand(command) {
  const suffix = state.view.chatType === 'private' ? '' : `@${state.bot.username}`;
  els.input.value = `/${command}${suffix} `;
  closeMenus();
  els.input.focus();
  els.input.setSelectionRange(els.input.value.length, els.input.value.length);
  autoGrow();
}

function openMenu(button, menu) {
  closeMenus();
  if (menu === els.commandsMenu) renderCommandsMenu();
  menu.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  const items = [...menu.querySelectorAll('[role="menuitem"]')];
  items.forEach((item) => (item.tabIndex = -1));
  items[0]?.focus();
}

function closeMenus({ restoreFocus = false } = {}) {
  for (const [button, menu] of [[els.commandsButton, els.commandsMenu], [els.attachButton, els.attachMenu]]) {
    if (menu.hidden) continue;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (restoreFocus) button.focus();
  }
}

function toggleMenu(button, menu) {
  if (menu.hidden) openMenu(button, menu);
  else closeMenus();
}

/** Up/Down/Home/End move inside an open menu, Escape closes it, Tab leaves it. */
function onMenuKeydown(event) {
  const menu = event.currentTarget;
  const items = [...menu.querySelectorAll('[role="menuitem"]')];
  const index = items.indexOf(document.activeElement);
  const moves = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
  if (event.key === 'Escape') {
    event.preventDefault();
    closeMenus({ restoreFocus: true });
  } else if (event.key in moves && items.length > 0) {
    event.preventDefault();
    items[(moves[event.key] + items.length) % items.length].focus();
  } else if (event.key === 'Tab') {
    closeMenus();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Toasts
// ---------------------------------------------------------------------------------------------------------------

function showToast(text, { alert = false } = {}) {
  const toast = element('div', alert ? 'toast toast--alert' : 'toast');
  toast.dataset.testid = 'toast';
  toast.setAttribute('role', alert ? 'alert' : 'status');
  toast.append(element('span', 'toast-text', text));
  const close = () => toast.remove();
  if (alert) {
    const ok = element('button', 'toast-close', 'OK');
    ok.type = 'button';
    ok.addEventListener('click', close);
    toast.append(ok);
    setTimeout(() => ok.focus({ preventScroll: true }), 0);
  } else {
    setTimeout(close, TOAST_MS);
  }
  els.toasts.append(toast);
}

// ---------------------------------------------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------------------------------------------

function autoGrow() {
  els.input.style.height = 'auto';
  els.input.style.height = `${Math.min(els.input.scrollHeight, 160)}px`;
}

function wireEvents() {
  els.tabs.addEventListener('keydown', onTabKeydown);
  els.speaker.addEventListener('change', () => {
    state.speakerId = Number(els.speaker.value);
    renderHeader();
  });
  els.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitComposer();
  });
  els.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submitComposer();
    }
  });
  els.input.addEventListener('input', autoGrow);
  els.commandsButton.addEventListener('click', () => toggleMenu(els.commandsButton, els.commandsMenu));
  els.attachButton.addEventListener('click', () => toggleMenu(els.attachButton, els.attachMenu));
  els.commandsMenu.addEventListener('keydown', onMenuKeydown);
  els.attachMenu.addEventListener('keydown', onMenuKeydown);
  els.attachMenu.addEventListener('click', (event) => {
    const item = event.target.closest('[data-attach]');
    if (!item) return;
    closeMenus();
    void sendAttachment(item.dataset.attach);
  });
  els.fileInput.addEventListener('change', () => void sendChosenFile());
  els.replyCancel.addEventListener('click', cancelReply);
  document.addEventListener('click', (event) => {
    if (!event.target.closest('.menu-anchor')) closeMenus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && (!els.commandsMenu.hidden || !els.attachMenu.hidden)) closeMenus({ restoreFocus: true });
  });
  els.messages.addEventListener('click', onMessageActivate);
  els.messages.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') onMessageActivate(event);
  });
  window.addEventListener('hashchange', () => void selectView(location.hash.slice(1)));
}

/** Clicking a spoiler reveals it; clicking a /command in a message sends it (Telegram behaviour). */
function onMessageActivate(event) {
  const spoiler = event.target.closest?.('.tg-spoiler');
  if (spoiler) {
    event.preventDefault();
    spoiler.classList.add('revealed');
    spoiler.removeAttribute('role');
    spoiler.removeAttribute('aria-label');
    return;
  }
  const command = event.target.closest?.('.tg-command');
  if (command) {
    event.preventDefault();
    void sendText(command.textContent).catch(() => undefined);
  }
}

async function init() {
  wireEvents();
  try {
    const body = await apiGet('state');
    state.bot = body.bot;
    state.views = body.views;
    document.title = `Playground — ${state.bot.first_name}`;
    renderTabs();
    await selectView(location.hash.slice(1) || state.views[0]?.key);
  } catch (error) {
    els.connection.hidden = false;
    els.connection.textContent = `Tidak dapat terhubung ke playground: ${error.message}`;
  }
}

void init();
