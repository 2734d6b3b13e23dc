// /api/openapi.json: the API's contract (OpenAPI 3.0), compiled in and kept next to the code.

#include "web/context.hpp"

namespace actiontrack::web {
namespace {

constexpr std::string_view k_openapi = R"json({
  "openapi": "3.0.3",
  "info": {"title": "actiontrack", "version": "1",
           "description": "The register of council committee resolutions and actions. Reads are open on loopback unless the server requires a token; writes need 'Authorization: Bearer <token>' (actiontrack token create NAME). Errors are {\"error\", \"detail\"}."},
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "parameters": {
      "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}},
      "cursor": {"name": "cursor", "in": "query", "description": "next_cursor of the previous page", "schema": {"type": "string"}},
      "id": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error", "detail"], "properties": {"error": {"type": "string"}, "detail": {"type": "string"}}},
      "Action": {"type": "object", "properties": {
        "id": {"type": "integer"}, "reference": {"type": "string"}, "committee": {"type": "string"},
        "meeting_id": {"type": "integer"}, "meeting_date": {"type": "string", "format": "date", "nullable": true},
        "item": {"type": "string"}, "text": {"type": "string"}, "owner": {"type": "string", "nullable": true},
        "due_date": {"type": "string", "format": "date", "nullable": true}, "due_text": {"type": "string", "nullable": true},
        "status": {"type": "string", "enum": ["open", "in_progress", "done", "dropped"]},
        "rag": {"type": "string", "enum": ["red", "amber", "green", "complete"]},
        "rag_override": {"type": "string", "enum": ["red", "amber", "green"], "nullable": true},
        "resolution_id": {"type": "integer", "nullable": true}, "version": {"type": "integer"},
        "created_at": {"type": "string"}, "updated_at": {"type": "string"}}},
      "ActionPatch": {"type": "object", "additionalProperties": false, "properties": {
        "status": {"type": "string", "enum": ["open", "in_progress", "done", "dropped"]},
        "owner": {"type": "string", "nullable": true}, "due_date": {"type": "string", "format": "date", "nullable": true},
        "rag": {"type": "string", "enum": ["red", "amber", "green"], "nullable": true},
        "note": {"type": "string", "description": "appended to the history as a progress note"}}},
      "NewAction": {"type": "object", "required": ["committee", "text"], "additionalProperties": false, "properties": {
        "committee": {"type": "string"}, "meeting_date": {"type": "string", "format": "date"}, "item": {"type": "string"},
        "text": {"type": "string"}, "owner": {"type": "string"}, "due_date": {"type": "string", "format": "date"},
        "rag": {"type": "string", "enum": ["red", "amber", "green"]}, "note": {"type": "string"}, "reference": {"type": "string"}}}
    },
    "responses": {
      "Error": {"description": "an error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "paths": {
    "/api/actions": {
      "get": {"summary": "Actions, filtered and paginated",
        "parameters": [
          {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "in_progress", "done", "dropped", "outstanding"]}},
          {"name": "owner", "in": "query", "description": "exact", "schema": {"type": "string"}},
          {"name": "committee", "in": "query", "description": "exact, any case", "schema": {"type": "string"}},
          {"name": "overdue", "in": "query", "schema": {"type": "boolean"}},
          {"name": "due_before", "in": "query", "schema": {"type": "string", "format": "date"}},
          {"name": "due_after", "in": "query", "schema": {"type": "string", "format": "date"}},
          {"name": "rag", "in": "query", "schema": {"type": "string", "enum": ["red", "amber", "green", "complete"]}},
          {"name": "q", "in": "query", "description": "words in the action or its resolution (all must match)", "schema": {"type": "string"}},
          {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["due", "-due", "id", "-id", "updated", "-updated"]}},
          {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}],
        "responses": {"200": {"description": "a page", "content": {"application/json": {"schema": {"type": "object", "properties": {
          "actions": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}}, "next_cursor": {"type": "string", "nullable": true}}}}}},
          "400": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Add an action by hand", "security": [{"bearer": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewAction"}}}},
        "responses": {"201": {"description": "created; Location names it"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}
    },
    "/api/actions/{id}": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {"summary": "One action with its resolution, meeting, source documents and history; ETag",
        "responses": {"200": {"description": "the action"}, "304": {"description": "not modified"}, "404": {"$ref": "#/components/responses/Error"}}},
      "patch": {"summary": "Change status, owner, due date, RAG override; add a progress note", "security": [{"bearer": []}],
        "parameters": [{"name": "If-Match", "in": "header", "description": "the ETag you read; 412 if the action changed since", "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActionPatch"}}}},
        "responses": {"200": {"description": "the changed action"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
          "412": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}
    },
    "/api/resolutions": {"get": {"summary": "Resolutions", "parameters": [
      {"name": "committee", "in": "query", "schema": {"type": "string"}}, {"name": "kind", "in": "query", "schema": {"type": "string"}},
      {"name": "q", "in": "query", "schema": {"type": "string"}}, {"name": "meeting_id", "in": "query", "schema": {"type": "integer"}},
      {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}], "responses": {"200": {"description": "a page"}}}},
    "/api/meetings": {"get": {"summary": "Meetings with action counts", "parameters": [
      {"name": "committee", "in": "query", "schema": {"type": "string"}},
      {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}], "responses": {"200": {"description": "a page"}}}},
    "/api/meetings/{id}": {"parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {"summary": "A meeting with its items, resolutions and actions", "responses": {"200": {"description": "the meeting"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/documents": {"get": {"summary": "The ingest log, failures with their reasons", "parameters": [
      {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["ingested", "duplicate", "failed"]}},
      {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}], "responses": {"200": {"description": "a page"}}}},
    "/api/owners": {"get": {"summary": "Owners with open and overdue counts", "responses": {"200": {"description": "the owners"}}}},
    "/export/actions.csv": {"get": {"summary": "Actions as CSV (RFC 4180, UTF-8 with BOM), same filters as /api/actions", "responses": {"200": {"description": "text/csv"}}}},
    "/calendar.ics": {"get": {"summary": "Outstanding actions as all-day events (RFC 5545); filter by owner, committee", "responses": {"200": {"description": "text/calendar"}}}},
    "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "alive"}}}},
    "/readyz": {"get": {"summary": "Readiness: database reachable (and the daemon's watcher running)", "responses": {"200": {"description": "ready"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/metrics": {"get": {"summary": "Prometheus text exposition", "responses": {"200": {"description": "text/plain"}}}},
    "/unsubscribe": {"parameters": [
      {"name": "token", "in": "query", "required": true, "description": "the recipient's token from the digest's List-Unsubscribe header (32 hex digits); it is the only authorisation", "schema": {"type": "string"}},
      {"name": "list", "in": "query", "description": "the list the token belongs to", "schema": {"type": "string", "enum": ["digest"]}}],
      "get": {"summary": "Unsubscribe confirmation page (HTML) with a button; never unsubscribes", "security": [],
        "responses": {"200": {"description": "text/html"}, "400": {"description": "no token (HTML)"}, "404": {"description": "unknown token or another list's (HTML)"}}},
      "post": {"summary": "RFC 8058 one-click unsubscribe: records the opt-out; later digests skip the address", "security": [],
        "requestBody": {"required": true, "content": {
          "application/x-www-form-urlencoded": {"schema": {"type": "object", "required": ["List-Unsubscribe"], "properties": {"List-Unsubscribe": {"type": "string", "enum": ["One-Click"]}}}},
          "multipart/form-data": {"schema": {"type": "object", "required": ["List-Unsubscribe"], "properties": {"List-Unsubscribe": {"type": "string", "enum": ["One-Click"]}}}}}},
        "responses": {"200": {"description": "unsubscribed (also when already unsubscribed; text/html)"}, "400": {"description": "no token, or the body is not List-Unsubscribe=One-Click (HTML)"}, "404": {"description": "unknown token or another list's (HTML)"}}}}
  }
})json";

}  // namespace

Response api_openapi(Context& /*context*/) {
    Response response;
    response.cache_control = "public, max-age=300";
    response.body = std::string(k_openapi);
    return response;
}

}  // namespace actiontrack::web
