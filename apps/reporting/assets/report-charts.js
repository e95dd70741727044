// Draws each <canvas data-chart="id"> from the JSON in <script type="application/json" id="id">, with
// Chart.js (a file served by the app: the page's CSP allows scripts from its own origin only). No
// animation, so the page is complete when it has loaded and a PDF printed from it carries the charts.
(function drawCharts() {
  const root = document.documentElement;
  const canvases = document.querySelectorAll('canvas[data-chart]');
  if (canvases.length === 0 || typeof Chart === 'undefined') return;
  root.dataset.chartsPending = 'true';
  try {
    canvases.forEach((canvas) => {
      const spec = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
      // eslint-disable-next-line no-new
      new Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: spec.datasets },
        options: {
          animation: false,
          responsive: false,
          devicePixelRatio: 2,
          plugins: { title: { display: true, text: spec.title }, legend: { display: spec.datasets.length > 1 } },
          scales: { y: { beginAtZero: true, title: { display: Boolean(spec.yTitle), text: spec.yTitle } } },
        },
      });
    });
  } finally {
    root.dataset.chartsPending = 'false';
  }
})();
