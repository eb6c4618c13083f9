// An institution's indicator history (supervision): NPL ratio, overdue rate, exposures and provision
// coverage over the business dates, from <script type="application/json" id="indicator-data">; the
// series' names are the table's column headers (data-code). Tooltips render on the canvas (CSP).
(function () {
    'use strict';

    function draw() {
        var source = document.getElementById('indicator-data');
        var target = document.querySelector('[data-indicator-chart]');
        if (!window.echarts || !source || !target) {
            return;
        }
        var data = JSON.parse(source.textContent);
        var series = Object.keys(data.series).map(function (code) {
            var header = document.querySelector('th[data-code="' + code + '"]');
            return {
                name: header ? header.textContent : code, type: 'line', showSymbol: false,
                yAxisIndex: code === 'provision-coverage' ? 1 : 0,
                data: data.series[code].map(function (v) { return v === null ? null : Number(v); })
            };
        });
        var chart = window.echarts.getInstanceByDom(target) || window.echarts.init(target);
        chart.setOption({
            animation: false, tooltip: {trigger: 'axis', renderMode: 'richText'}, legend: {top: 0, type: 'scroll'},
            grid: {left: 8, right: 16, top: 36, bottom: 8, containLabel: true},
            xAxis: {type: 'category', data: data.dates},
            yAxis: [{type: 'value', axisLabel: {formatter: function (v) { return (v * 100).toFixed(0) + '%'; }}},
                {type: 'value', splitLine: {show: false}}],
            series: series
        }, true);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
