// Xiaodai web shell behaviour: the phone menu button, the CSRF header for htmx requests, and
// bar charts drawn with ECharts from the figures already on the page (no data of its own).
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

    function drawCharts() {
        if (!window.echarts) {
            return;
        }
        document.querySelectorAll('[data-chart-source]').forEach(function (source) {
            var target = document.getElementById(source.getAttribute('data-chart-source'));
            var items = Array.prototype.slice.call(source.querySelectorAll('[data-value]'));
            if (!target || items.length === 0) {
                return;
            }
            var chart = window.echarts.init(target);
            chart.setOption({
                animation: false,
                grid: {left: 48, right: 16, top: 16, bottom: 32},
                tooltip: {renderMode: 'richText'}, // on the canvas: an HTML tooltip carries style attributes the CSP refuses
                xAxis: {type: 'category', data: items.map(function (i) { return i.getAttribute('data-label'); }),
                        axisLabel: {interval: 0}},
                yAxis: {type: 'value', minInterval: 1},
                series: [{type: 'bar', barMaxWidth: 48, itemStyle: {color: '#b4232a'},
                          data: items.map(function (i) { return Number(i.getAttribute('data-value')); })}]
            });
            window.addEventListener('resize', function () { chart.resize(); });
        });
    }

    window.addEventListener('load', drawCharts);
})();
