// Loan calculator: draws the stacked principal/interest chart from the JSON the page renders into
// <script type="application/json">, on load and again after htmx swaps in new results.
(function () {
    'use strict';

    function draw() {
        if (!window.echarts) {
            return;
        }
        document.querySelectorAll('[data-schedule-chart]').forEach(function (target) {
            var source = document.getElementById(target.getAttribute('data-schedule-chart'));
            if (!source) {
                return;
            }
            var data = JSON.parse(source.textContent);
            var chart = window.echarts.getInstanceByDom(target) || window.echarts.init(target);
            chart.setOption(option(target, data), true);
        });
    }

    function option(target, data) {
        function series(name, values, color) {
            return {name: name, type: 'bar', stack: 'total', barMaxWidth: 32, itemStyle: {color: color},
                    data: values.map(Number)};
        }
        return {
            animation: false,
            grid: {left: 8, right: 8, top: 36, bottom: 8, containLabel: true},
            legend: {top: 0},
            // drawn on the canvas: an HTML tooltip carries style attributes the CSP refuses
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, renderMode: 'richText'},
            xAxis: {type: 'category', data: data.periods},
            yAxis: {type: 'value'},
            series: [
                series(target.getAttribute('data-principal-label'), data.principal, '#3d6a99'),
                series(target.getAttribute('data-interest-label'), data.interest, '#b4232a')
            ]
        };
    }

    function resize() {
        document.querySelectorAll('[data-schedule-chart]').forEach(function (target) {
            var chart = window.echarts && window.echarts.getInstanceByDom(target);
            if (chart) {
                chart.resize();
            }
        });
    }

    draw(); // deferred scripts run after the document is parsed, echarts (deferred earlier) included
    document.addEventListener('htmx:afterSettle', draw);
    window.addEventListener('resize', resize);
})();
