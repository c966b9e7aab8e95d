/* The API reference page: Swagger UI (vendored) over Huddle's own OpenAPI document.
   A file of its own because the Content-Security-Policy allows no inline script. */
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    // No deep links: Swagger UI puts each operation's link inside the button that opens it
    // (a control inside a control, and a target too small to tap).
    deepLinking: false,
    // Requests from "Try it out" carry the page's CSRF token, as huddle.js does for htmx.
    requestInterceptor: (request) => {
      const token = document.querySelector('meta[name="csrf-token"]');
      if (token) request.headers["X-CSRF-Token"] = token.content;
      return request;
    },
  });
});
