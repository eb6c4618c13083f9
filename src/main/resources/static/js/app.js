// Xiaodai web shell behaviour: the phone menu button, the CSRF header for htmx requests, the
// browser's time zone for the server (cookie xd_tz: times are shown in the viewer's zone), and the
// scroll hint of wide tables. Every page works without it.
(function () {
    'use strict';

    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-menu-toggle]');
        if (!button) {
            return;
        }
        var nav = document.getElementById(button.getAttribute('aria-controls'));
        if (nav) {
            var open = nav.classList.toggle('open');
            button.setAttribute('aria-expanded', String(open));
        }
    });

    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    function rememberTimeZone() {
        try {
            var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
            var cookie = 'xd_tz=' + encodeURIComponent(zone);
            if (zone && document.cookie.split('; ').indexOf(cookie) < 0) {
                document.cookie = cookie + '; path=/; max-age=31536000; SameSite=Lax';
            }
        } catch (e) {
            // no Intl: the server shows Asia/Shanghai
        }
    }

    // A wide table scrolls inside its frame: say so, shade the side that has more, keep the first column.
    function scrollHints(root) {
        (root || document).querySelectorAll('[data-scroll-hint]').forEach(function (wrap) {
            var hint = wrap.previousElementSibling;
            if (!hint || !hint.classList.contains('scroll-hint')) {
                hint = document.createElement('p');
                hint.className = 'scroll-hint';
                hint.setAttribute('aria-hidden', 'true');
                hint.textContent = '\u2194 ' + wrap.getAttribute('data-scroll-hint');
                wrap.parentNode.insertBefore(hint, wrap);
            }
            function update() {
                var scrollable = wrap.scrollWidth > wrap.clientWidth + 1;
                wrap.classList.toggle('is-scrollable', scrollable);
                wrap.classList.toggle('scrolled', wrap.scrollLeft > 0);
                wrap.classList.toggle('at-end', wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 1);
                hint.hidden = !scrollable;
            }
            if (!wrap.hasAttribute('data-scroll-ready')) {
                wrap.setAttribute('data-scroll-ready', '');
                wrap.addEventListener('scroll', update, {passive: true});
                window.addEventListener('resize', update);
            }
            update();
        });
    }

    rememberTimeZone();
    document.addEventListener('DOMContentLoaded', function () { scrollHints(); });
    document.addEventListener('htmx:afterSettle', function (event) { scrollHints(event.target); });
})();
