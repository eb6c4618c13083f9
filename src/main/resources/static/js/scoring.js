// Scorecard model page: draws the ROC and KS curves, the score distribution, PSI over time and one
// bar chart of points (and WOE) per variable from the JSON the page renders into
// <script type="application/json" id="scoring-chart-data">. Tooltips render on the canvas (CSP).
(function () {
    'use strict';

    var TOOLTIP = {trigger: 'axis', renderMode: 'richText'};
    var GRID = {left: 8, right: 16, top: 36, bottom: 8, containLabel: true};

    function draw() {
        var source = document.getElementById('scoring-chart-data');
        if (!window.echarts || !source) {
            return;
        }
        var data = JSON.parse(source.textContent);
        document.querySelectorAll('[data-scoring-chart]').forEach(function (target) {
            var kind = target.getAttribute('data-scoring-chart');
            var option = kind === 'roc' ? roc(target, data) : kind === 'ks' ? ks(target, data)
                : kind === 'bands' ? bands(target, data) : psi(target, data);
            if (option) {
                (window.echarts.getInstanceByDom(target) || window.echarts.init(target)).setOption(option, true);
            }
        });
        document.querySelectorAll('[data-scoring-variable]').forEach(function (target) {
            var v = data.variables[Number(target.getAttribute('data-scoring-variable'))];
            if (v) {
                (window.echarts.getInstanceByDom(target) || window.echarts.init(target)).setOption(variable(target, v), true);
            }
        });
    }

    function roc(target, data) {
        if (!data.roc) {
            return null;
        }
        return {
            animation: false, grid: GRID, tooltip: TOOLTIP,
            title: {text: 'ROC', textStyle: {fontSize: 13}},
            xAxis: {type: 'value', min: 0, max: 1, name: 'FPR'},
            yAxis: {type: 'value', min: 0, max: 1, name: 'TPR'},
            series: [
                {type: 'line', showSymbol: false, data: data.roc, lineStyle: {color: '#3d6a99'}},
                {type: 'line', showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: {type: 'dashed', color: '#999'}}
            ]
        };
    }

    function ks(target, data) {
        if (!data.ks) {
            return null;
        }
        return {
            animation: false, grid: GRID, tooltip: TOOLTIP, legend: {top: 0},
            xAxis: {type: 'value', scale: true},
            yAxis: {type: 'value', min: 0, max: 1},
            series: [
                {name: target.getAttribute('data-bad-label'), type: 'line', showSymbol: false,
                    data: data.ks.map(function (p) { return [p[0], p[1]]; }), lineStyle: {color: '#b4232a'}},
                {name: target.getAttribute('data-good-label'), type: 'line', showSymbol: false,
                    data: data.ks.map(function (p) { return [p[0], p[2]]; }), lineStyle: {color: '#3d6a99'}}
            ]
        };
    }

    function bands(target, data) {
        if (!data.bands) {
            return null;
        }
        return {
            animation: false, grid: GRID, tooltip: TOOLTIP, legend: {top: 0},
            xAxis: {type: 'category', data: data.bands.map(function (b) { return b.label; })},
            yAxis: [{type: 'value'}, {type: 'value', min: 0, max: 1}],
            series: [
                {name: target.getAttribute('data-count-label'), type: 'bar', barMaxWidth: 32,
                    data: data.bands.map(function (b) { return b.count; }), itemStyle: {color: '#3d6a99'}},
                {name: target.getAttribute('data-rate-label'), type: 'line', yAxisIndex: 1,
                    data: data.bands.map(function (b) { return b.badRate; }), lineStyle: {color: '#b4232a'}}
            ]
        };
    }

    function psi(target, data) {
        if (!data.psi || !data.psi.length) {
            return null;
        }
        return {
            animation: false, grid: GRID, tooltip: TOOLTIP,
            xAxis: {type: 'category', data: data.psi.map(function (p) { return p[0]; })},
            yAxis: {type: 'value', min: 0},
            series: [{type: 'line', name: 'PSI', data: data.psi.map(function (p) { return p[1]; }),
                lineStyle: {color: '#3d6a99'},
                markLine: {symbol: 'none', silent: true, label: {formatter: '{c}'},
                    data: [{yAxis: 0.1, lineStyle: {color: '#d08a00'}}, {yAxis: 0.25, lineStyle: {color: '#b4232a'}}]}}]
        };
    }

    function variable(target, v) {
        return {
            animation: false, grid: GRID, tooltip: TOOLTIP, legend: {top: 0},
            xAxis: {type: 'category', data: v.bins, axisLabel: {interval: 0, rotate: v.bins.length > 5 ? 30 : 0}},
            yAxis: [{type: 'value', name: target.getAttribute('data-points-label')},
                {type: 'value', name: target.getAttribute('data-woe-label')}],
            series: [
                {name: target.getAttribute('data-points-label'), type: 'bar', barMaxWidth: 32, data: v.points,
                    itemStyle: {color: '#3d6a99'}},
                {name: target.getAttribute('data-woe-label'), type: 'line', yAxisIndex: 1, data: v.woe,
                    lineStyle: {color: '#b4232a'}}
            ]
        };
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
    window.addEventListener('resize', function () {
        document.querySelectorAll('[data-scoring-chart],[data-scoring-variable]').forEach(function (t) {
            var c = window.echarts && window.echarts.getInstanceByDom(t);
            if (c) {
                c.resize();
            }
        });
    });
}());
