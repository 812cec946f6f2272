// Draws allocated vs disbursed by year from the JSON data block (no inline script: the CSP is script-src 'self').
(function () {
  var block = document.getElementById('budget-data');
  var canvas = document.getElementById('budget-chart');
  if (!block || !canvas || typeof Chart === 'undefined') return;
  var data = JSON.parse(block.textContent);
  var vnd = new Intl.NumberFormat('vi-VN');
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [
        { label: 'Được giao (đồng)', data: data.allocated, backgroundColor: '#1565c0' },
        { label: 'Đã giải ngân (đồng)', data: data.disbursed, backgroundColor: '#2e7d32' }
      ]
    },
    options: { animation: false, scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return vnd.format(v); } } } } }
  });
})();
