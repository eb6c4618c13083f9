// The portal's service worker: it only makes the portal installable and keeps the static shell
// (styles, script, icons) at hand; pages and the API always go to the network, so a borrower never
// sees another session's or stale figures.
const SHELL = 'xiaodai-portal-v1';
const FILES = ['/portal/portal.css', '/portal/portal.js', '/portal/icons/icon-192.png', '/portal/manifest.webmanifest'];

self.addEventListener('install', event => {
    event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(FILES)));
});

self.addEventListener('activate', event => {
    event.waitUntil(caches.keys().then(keys => Promise.all(keys.filter(k => k !== SHELL).map(k => caches.delete(k)))));
});

self.addEventListener('fetch', event => {
    const url = new URL(event.request.url);
    if (event.request.method === 'GET' && FILES.includes(url.pathname)) {
        event.respondWith(caches.match(event.request).then(hit => hit || fetch(event.request)));
    }
});
