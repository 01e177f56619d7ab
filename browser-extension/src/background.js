'use strict';
// Service worker (Chrome) / event page (Firefox): every call to the API goes
// through here, because only the extension's origin may reach a loopback
// API. It keeps no state in globals (MV3 workers are stopped when idle):
// settings and caches live in chrome.storage.
if (typeof importScripts === 'function') importScripts('lib/messages.js', 'lib/settings.js', 'lib/api-client.js');

const ext = globalThis.browser || globalThis.chrome;
const { settings: Settings, apiClient: Api, messages: Message } = globalThis.CharterGuard;

const INTERNAL_SITES_SCRIPT_ID = 'charterguard-internal-sites';

async function loadSettings() {
  return Settings.normalize(await ext.storage.local.get(null));
}

function clientFor(settings) {
  return Api.createApiClient({ baseUrl: settings.apiUrl, apiKey: settings.apiKey });
}

function failure(err) {
  return { ok: false, error: { code: err.code || 'internal', message: err.message } };
}

/** Whether the charter lets a user publish a blocked post with a reason; cached per charter version. */
async function allowPublishAnyway(client, charter) {
  if (!charter || !charter.name) return false;
  const key = `charter:${charter.name}:${charter.sha256 || charter.version || ''}`;
  const cached = (await ext.storage.session.get(key))[key];
  if (typeof cached === 'boolean') return cached;
  try {
    const detail = await client.charter(charter.name);
    const allowed = Boolean(detail && detail.allow_publish_anyway);
    await ext.storage.session.set({ [key]: allowed });
    return allowed;
  } catch {
    return false; // unknown: offer "go back and fix it" only
  }
}

/** The toolbar icon's badge for a verdict shown on a page: the count, coloured; "!" when the API cannot be reached. */
function badgeFor(state, total) {
  const colour = { block: '#b71c1c', warn: '#b34700', pass: '#2e7d32' }[state] || '#5f6368';
  const text = { block: String(total), warn: String(total), pass: '✓', offline: '!', unauthorized: '!' }[state] || '';
  return { text, colour };
}

async function showActionBadge(tabId, state, total) {
  if (tabId === undefined || !ext.action) return;
  const badge = badgeFor(state, total);
  await ext.action.setBadgeText({ tabId, text: badge.text }).catch(() => {});
  await ext.action.setBadgeBackgroundColor({ tabId, color: badge.colour }).catch(() => {});
  if (ext.action.setBadgeTextColor) await ext.action.setBadgeTextColor({ tabId, color: '#ffffff' }).catch(() => {});
}

async function check({ text, channel }, sender) {
  const settings = await loadSettings();
  const client = clientFor(settings);
  try {
    const report = await client.check(Api.checkBody(settings, text, channel));
    const allowed = report.verdict === 'block' ? await allowPublishAnyway(client, report.charter) : false;
    showActionBadge(sender.tab && sender.tab.id, report.verdict, report.findings.length);
    return { ok: true, report, allowPublishAnyway: allowed };
  } catch (err) {
    showActionBadge(sender.tab && sender.tab.id, err.code === 'unauthorized' ? 'unauthorized' : 'offline', 0);
    return failure(err);
  }
}

/** The page's verdict changed without a check (findings set aside, draft emptied). */
async function pageBadge({ state, total }, sender) {
  await showActionBadge(sender.tab && sender.tab.id, state, Number(total) || 0);
  return { ok: true };
}

/** "Ignorer" / "Ne s'applique pas ici": recorded in the API's decision log with the reason. */
async function recordDismissal({ text, channel, rules, severity, reason }) {
  const settings = await loadSettings();
  const body = { text, rules, severity, reason };
  if (channel) body.channel = channel;
  if (settings.charter) body.charter = settings.charter;
  try {
    const created = await clientFor(settings).dismiss(body);
    return { ok: true, id: created && created.id };
  } catch (err) {
    return failure(err);
  }
}

async function recordOverride({ text, channel, rules, reason }) {
  const settings = await loadSettings();
  const body = { text, rules, reason };
  if (channel) body.channel = channel;
  if (settings.charter) body.charter = settings.charter;
  try {
    const created = await clientFor(settings).override(body);
    return { ok: true, id: created && created.id };
  } catch (err) {
    return failure(err);
  }
}

/**
 * Is the API up, and does it take our key? (/healthz needs no key, /v1/charters does.)
 * `apiUrl`/`apiKey` try other values than the saved ones (onboarding).
 */
async function status(message) {
  const saved = await loadSettings();
  const apiUrl = (message && Settings.normalizeApiUrl(message.apiUrl)) || saved.apiUrl;
  const apiKey = message && typeof message.apiKey === 'string' ? message.apiKey.trim() : saved.apiKey;
  const settings = { ...saved, apiUrl, apiKey };
  const client = clientFor(settings);
  let health;
  try {
    health = await client.health();
  } catch (err) {
    return { ...failure(err), apiUrl: settings.apiUrl };
  }
  try {
    return { ok: true, apiUrl: settings.apiUrl, health, charters: await client.charters() };
  } catch (err) {
    if (err.code === 'unauthorized') return { ...failure(err), apiUrl: settings.apiUrl };
    return { ok: true, apiUrl: settings.apiUrl, health, charters: null };
  }
}

const HANDLERS = {
  [Message.CHECK]: check,
  [Message.OVERRIDE]: recordOverride,
  [Message.STATUS]: status,
  [Message.DISMISS]: recordDismissal,
  [Message.BADGE]: pageBadge,
};

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = message && HANDLERS[message.type];
  if (!handler) return false;
  handler(message, sender).then(sendResponse, (err) => sendResponse(failure(err)));
  return true; // answer asynchronously
});

/** (Re)registers the content script on the internal sites the user enabled and granted. */
async function syncInternalSites() {
  if (!ext.scripting || !ext.scripting.registerContentScripts) return;
  const settings = await loadSettings();
  const granted = [];
  for (const pattern of settings.internalSites) {
    if (await ext.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
  }
  const existing = await ext.scripting.getRegisteredContentScripts({ ids: [INTERNAL_SITES_SCRIPT_ID] });
  if (existing.length) await ext.scripting.unregisterContentScripts({ ids: [INTERNAL_SITES_SCRIPT_ID] });
  if (!granted.length) return;
  // Same files as the manifest's content script for the social networks.
  const { js, css } = ext.runtime.getManifest().content_scripts[0];
  await ext.scripting.registerContentScripts([{ id: INTERNAL_SITES_SCRIPT_ID, matches: granted, js, css, runAt: 'document_idle' }]);
}

// Registration is read-modify-write: run one sync at a time.
let pendingSync = Promise.resolve();
function queueSync() {
  pendingSync = pendingSync.then(syncInternalSites).catch(() => {});
  return pendingSync;
}

ext.runtime.onInstalled.addListener((details) => {
  queueSync();
  // First run: a page that finds the API (or asks where it is) and pairs a key.
  if (details && details.reason === 'install' && ext.tabs) ext.tabs.create({ url: ext.runtime.getURL('src/pages/onboarding.html') }).catch(() => {});
});
ext.runtime.onStartup.addListener(() => queueSync());
ext.permissions.onAdded.addListener(() => queueSync());
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.internalSites) queueSync();
});
