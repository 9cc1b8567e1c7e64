// ECharts, served from the api's jar (a WebJar), drawn as SVG; every chart is described for screen readers and
// follows the size of its box.

import * as echarts from '/webjars/echarts/dist/echarts.esm.min.js';

export const TEAM_COLORS = ['#1d4ed8', '#c2410c'];

let charts = [];
const resizer = new ResizeObserver((entries) => {
    for (const entry of entries) {
        echarts.getInstanceByDom(entry.target)?.resize();
    }
});

/** Drops the charts of the result shown before. */
export function disposeCharts() {
    charts.forEach((chart) => {
        resizer.unobserve(chart.getDom());
        chart.dispose();
    });
    charts = [];
}

/**
 * A chart in a figure with a caption; {@code description} is what a screen reader says instead of the drawing.
 */
export function chart(title, description, option, {height = 260, name} = {}) {
    const box = document.createElement('div');
    box.className = 'chart';
    // ECharts puts the description in the box's aria-label; as an image, the box is read as that description.
    box.setAttribute('role', 'img');
    box.style.height = `${height}px`;
    if (name) {
        box.dataset.chart = name;
    }
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    figure.append(caption, box);
    // Drawn once the figure is in the page and has a width.
    requestAnimationFrame(() => {
        const instance = echarts.init(box, null, {renderer: 'svg'});
        instance.setOption({
            animation: false,
            aria: {enabled: true, label: {description}},
            // A font the SVG text and ECharts' measuring of labels (on a canvas) agree on, so labels fit the chart.
            textStyle: {fontFamily: 'sans-serif'},
            grid: {left: 8, right: 16, top: 28, bottom: 8, containLabel: true},
            ...option,
        });
        charts.push(instance);
        resizer.observe(box);
    });
    return figure;
}
