// Behaviour that would otherwise need inline script, which the content security policy forbids.
document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
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

// Print buttons (the Messages Sent print page).
document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
        window.print();
    }
});
