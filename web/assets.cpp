// The dashboard's one stylesheet, compiled in: the binary needs no asset folder, and no request
// path ever reaches the file system.

#include "web/context.hpp"

namespace actiontrack::web {
namespace {

constexpr std::string_view k_style_css = R"css(
:root { --red: #b10e1e; --amber: #8a5a00; --green: #00703c; --grey: #505a5f; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 0;
       color: #0b0c0c; background: #fff; }
header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem;
         padding: .6rem 1rem; background: #0b0c0c; color: #fff; }
header a { color: #fff; margin-right: 1rem; }
header .account span { margin-right: .5rem; }
main { padding: 1rem; max-width: 75rem; }
a { color: #1d70b8; }
a:focus, button:focus, input:focus, select:focus, textarea:focus {
  outline: 3px solid #fd0; outline-offset: 0; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: .5rem; top: .5rem; background: #fd0; color: #000; padding: .3rem; }
.counts { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
.counts li { border: 2px solid #b1b4b6; padding: .5rem 1rem; min-width: 9rem; }
.counts strong { display: block; font-size: 1.8rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6;
         padding: .4rem .5rem; }
.rag { font-weight: bold; white-space: nowrap; padding: 0 .3rem; border-left: 6px solid; }
.rag-red { color: var(--red); border-color: var(--red); }
.rag-amber { color: var(--amber); border-color: var(--amber); }
.rag-green { color: var(--green); border-color: var(--green); }
.rag-complete { color: var(--grey); border-color: var(--grey); }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end;
               margin-bottom: 1rem; }
label { display: block; font-weight: bold; }
input, select, textarea, button { font: inherit; padding: .3rem; }
button { background: #00703c; color: #fff; border: 0; padding: .4rem .9rem; cursor: pointer; }
form.inline { display: inline; }
blockquote { border-left: 4px solid #b1b4b6; margin: 0 0 1rem; padding: .2rem 1rem; }
.update { border: 1px solid #b1b4b6; padding: .8rem; margin-bottom: 1rem; max-width: 40rem; }
.error { color: var(--red); font-weight: bold; }
@media (max-width: 40rem) {
  table.actions thead { display: none; }
  table.actions td { display: block; border: 0; padding: .1rem .3rem; }
  table.actions tr { display: block; border-bottom: 2px solid #b1b4b6; padding: .4rem 0; }
}
@media print {
  header, form, .skip, nav { display: none !important; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  .rag { border-left-width: 3px; }
}
)css";

}  // namespace

Response static_asset(Context& /*context*/, std::string_view name) {
    if (name != "style.css") return json_error(404, "not found", "no such asset");
    Response response;
    response.content_type = "text/css; charset=utf-8";
    response.cache_control = "public, max-age=3600";
    response.body = std::string(k_style_css);
    return response;
}

}  // namespace actiontrack::web
