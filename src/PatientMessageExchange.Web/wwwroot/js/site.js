// Behaviour that would otherwise need inline script, which the content security policy forbids.
document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    // A question that names what the page shows now (the personalized estimate, updated by htmx).
    var from = form.getAttribute("data-confirm-from");
    var current = from ? document.querySelector(from) : null;
    if (current && current.getAttribute("data-confirm-text")) {
        question = current.getAttribute("data-confirm-text");
    }
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});

document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches("[data-submit-on-change]")) {
        field.form.requestSubmit();
    }
});

// htmx requests carry the antiforgery token from the page.
document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name='__RequestVerificationToken']");
    if (token) {
        event.detail.headers["X-CSRF-TOKEN"] = token.value;
    }
});

// Sections that belong to one choice of a radio group: data-show-for="GroupName:Value1,Value2".
function pmxToggleSections() {
    document.querySelectorAll("[data-show-for]").forEach(function (section) {
        var spec = section.getAttribute("data-show-for").split(":");
        var checked = document.querySelector("input[name='" + spec[0] + "']:checked, select[name='" + spec[0] + "']");
        var value = checked ? checked.value : "";
        var visible = spec[1].split(",").indexOf(value) >= 0;
        section.hidden = !visible;
        section.querySelectorAll("input, select, textarea").forEach(function (field) { field.disabled = !visible; });
    });
}
document.addEventListener("change", pmxToggleSections);
document.addEventListener("DOMContentLoaded", pmxToggleSections);
// Print buttons (the Messages Sent print page).
document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
        window.print();
    }
});

// One-click smart encoding in the template editor: curly quotes, long dashes and the like in the text part become the
// plain GSM-7 characters (the server's own table, in data-smart-encode-map), and the live preview refreshes.
document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-smart-encode]");
    if (!button) {
        return;
    }
    var field = document.getElementById(button.getAttribute("data-smart-encode"));
    if (!field || field.readOnly) {
        return;
    }
    var map = JSON.parse(button.getAttribute("data-smart-encode-map"));
    field.value = Array.from(field.value).map(function (c) {
        return Object.prototype.hasOwnProperty.call(map, c) ? map[c] : c;
    }).join("");
    field.dispatchEvent(new Event("input", { bubbles: true }));
});
