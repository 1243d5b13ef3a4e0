// Draws the Usage Statistics chart from the JSON block beside it; the table next to it carries the same figures.
(function () {
    var holder = document.getElementById("usage-chart-data");
    var canvas = document.getElementById("usage-chart");
    if (!holder || !canvas || typeof Chart === "undefined") {
        return;
    }
    var data = JSON.parse(holder.textContent);
    new Chart(canvas, {
        type: "bar",
        data: {
            labels: data.labels,
            datasets: [
                { label: "Purchased", data: data.purchased, backgroundColor: "#0d6efd" },
                { label: "Used", data: data.used, backgroundColor: "#fd7e14" }
            ]
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false }
    });
})();
