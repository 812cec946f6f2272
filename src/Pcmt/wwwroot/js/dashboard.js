// Draws the dashboard charts from the JSON data block (no inline script: the CSP is script-src 'self').
(function () {
  var block = document.getElementById('chart-data');
  if (!block || typeof Chart === 'undefined') return;
  var data = JSON.parse(block.textContent);
  var percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  var roadmap = document.getElementById('roadmap-chart');
  if (roadmap) {
    new Chart(roadmap, {
      type: 'bar',
      data: {
        labels: data.roadmap.labels,
        datasets: [
          { type: 'bar', label: 'Thực hiện (%)', data: data.roadmap.actual, backgroundColor: '#2e7d32' },
          { type: 'line', label: 'Chỉ tiêu (%)', data: data.roadmap.target, borderColor: '#c62828', backgroundColor: '#c62828', spanGaps: true }
        ]
      },
      options: { animation: false, scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return percent.format(v) + '%'; } } } } }
    });
  }
  var trend = document.getElementById('trend-chart');
  if (trend) {
    new Chart(trend, {
      type: 'line',
      data: { labels: data.trend.labels, datasets: [{ label: 'Người có hồ sơ quản lý', data: data.trend.values, borderColor: '#1565c0', backgroundColor: '#1565c0' }] },
      options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
})();
