// Progressive enhancement only: every form works without this file.
// Fields marked data-check-url are checked as the reader types, by the same server rules as the form.
(function () {
    "use strict";
    function check(input) {
        var url = input.getAttribute("data-check-url");
        var output = document.getElementById(input.getAttribute("data-check-output"));
        if (!url || !output) { return; }
        var form = input.form;
        var params = new URLSearchParams();
        (input.getAttribute("data-check-with") || "").split(" ").filter(Boolean).forEach(function (name) {
            var other = form && form.elements.namedItem(name);
            if (other) { params.set(name, other.value); }
        });
        params.set(input.name, input.value);
        if (!input.value) { output.textContent = ""; output.className = "field-hint"; return; }
        fetch(url + "?" + params.toString(), { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (result) {
                if (!result) { return; }
                output.textContent = result.message;
                output.className = result.valid ? "field-check" : "field-error";
                input.setAttribute("aria-invalid", result.valid ? "false" : "true");
            })
            .catch(function () { /* offline: the server checks on submit anyway */ });
    }
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-check-url]").forEach(function (input) {
            var timer;
            input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { check(input); }, 250); });
            input.addEventListener("change", function () { check(input); });
        });
    });
})();
