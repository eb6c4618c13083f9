// Dashboards (analytics): draws the trends, distributions and vintage curves from the JSON the page
// renders into <script type="application/json" id="analytics-data">; a bar of a distribution on an
// institution's dashboard opens the loans behind it. Tooltips render on the canvas (CSP: no inline style).
(function () {
    'use strict';

    var TOOLTIP = {trigger: 'axis', renderMode: 'richText'};
    var GRID = {left: 8, right: 16, top: 36, bottom: 8, containLabel: true};

    function column(chart, name) {
        var i = chart.columns.indexOf(name);
        return chart.rows.map(function (r) { return r[i]; });
    }

    function balance(target, data) {
        var t = data.trends;
        return {
            animation: false, grid: GRID, tooltip: TOOLTIP, legend: {top: 0},
            xAxis: {type: 'category', data: column(t, 'date')},
            yAxis: [{type: 'value', scale: true}, {type: 'value', scale: true, splitLine: {show: false}}],
            series: [
                {name: target.getAttribute('data-balance-label'), type: 'bar', data: column(t, 'balance'), itemStyle: {color: '#3d6a99'}},
                {name: target.getAttribute('data-loans-label'), type: 'line', yAxisIndex: 1, showSymbol: false,
                    data: column(t, 'loans'), lineStyle: {color: '#c7781a'}}
            ]
        };
    }

    function ratios(target, data) {
        var t = data.trends;
        return {
            animation: false, grid: GRID, tooltip: TOOLTIP, legend: {top: 0},
            xAxis: {type: 'category', data: column(t, 'date')},
            yAxis: {type: 'value', axisLabel: {formatter: function (v) { return (v * 100).toFixed(1) + '%'; }}},
            series: [
                {name: target.getAttribute('data-overdue-label'), type: 'line', showSymbol: false, data: column(t, 'overdueRate'),
                    lineStyle: {color: '#c7781a'}},
                {name: target.getAttribute('data-npl-label'), type: 'line', showSymbol: false, data: column(t, 'nplRatio'),
                    lineStyle: {color: '#b4232a'}}
            ]
        };
    }

    function distribution(chart) {
        return {
            animation: false, grid: GRID, tooltip: TOOLTIP,
            xAxis: {type: 'category', data: chart.rows.map(function (r) { return r[0]; }), axisLabel: {rotate: 30}},
            yAxis: {type: 'value'},
            series: [{type: 'bar', data: chart.rows.map(function (r) { return r[2]; }), itemStyle: {color: '#3d6a99'}}]
        };
    }

    function vintage(target, data) {
        var cohorts = {};
        data.vintage.rows.forEach(function (r) {
            (cohorts[r[0]] = cohorts[r[0]] || []).push([r[1], r[2]]);
        });
        return {
            animation: false, grid: GRID, tooltip: TOOLTIP, legend: {top: 0, type: 'scroll'},
            xAxis: {type: 'value', min: 1, name: target.getAttribute('data-mob-label')},
            yAxis: {type: 'value', axisLabel: {formatter: function (v) { return (v * 100).toFixed(1) + '%'; }}},
            series: Object.keys(cohorts).map(function (c) {
                return {name: c, type: 'line', showSymbol: false, data: cohorts[c]};
            })
        };
    }

    function draw() {
        var source = document.getElementById('analytics-data');
        if (!window.echarts || !source) {
            return;
        }
        var data = JSON.parse(source.textContent);
        var drill = document.getElementById('drill');
        document.querySelectorAll('[data-analytics-chart]').forEach(function (target) {
            var kind = target.getAttribute('data-analytics-chart');
            var option = kind === 'balance' ? balance(target, data) : kind === 'ratios' ? ratios(target, data)
                : kind === 'vintage' ? vintage(target, data) : data[kind] ? distribution(data[kind]) : null;
            if (!option) {
                return;
            }
            var chart = window.echarts.getInstanceByDom(target) || window.echarts.init(target);
            chart.setOption(option, true);
            if (drill && kind.indexOf('distribution-') === 0) {
                var by = kind.substring('distribution-'.length);
                chart.off('click');
                chart.on('click', function (p) {
                    var path = drill.getAttribute('data-loans-path');
                    window.location.href = path + (path.indexOf('?') < 0 ? '?' : '&') + by + '=' + encodeURIComponent(p.name);
                });
            }
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
    window.addEventListener('resize', function () {
        document.querySelectorAll('[data-analytics-chart]').forEach(function (t) {
            var c = window.echarts && window.echarts.getInstanceByDom(t);
            if (c) {
                c.resize();
            }
        });
    });
})();
