// Registers the service worker that makes the borrower portal installable on a phone's home screen.
if ('serviceWorker' in navigator) {
    window.addEventListener('load', () => {
        navigator.serviceWorker.register('/portal/sw.js', {scope: '/portal'}).catch(() => {});
    });
}
