# Build-time script: turns schema/NNNN_name.sql into a .cpp that defines
# actiontrack::schema::migrations() (declared in schema/embedded.hpp), in version order.
# Usage: cmake -DSCHEMA_DIR=<dir> -DOUTPUT=<file.cpp> -P embed_migrations.cmake
#
# The SQL bytes are written as \xNN escapes rather than raw string literals so that no text in a
# migration (quotes, backslashes, a stray ")delimiter") can break the generated code.
cmake_minimum_required(VERSION 3.25)

file(GLOB sql_files RELATIVE ${SCHEMA_DIR} ${SCHEMA_DIR}/*.sql)
list(SORT sql_files)
if(NOT sql_files)
  message(FATAL_ERROR "no migrations in ${SCHEMA_DIR}")
endif()

set(definitions "")
set(table "")
set(expected 1)
foreach(file IN LISTS sql_files)
  # Versions must run 1, 2, 3... without gaps: the runtime maps version N to the Nth entry and
  # PRAGMA user_version records how many have been applied.
  if(NOT file MATCHES "^([0-9][0-9][0-9][0-9])_([a-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "schema/${file}: migrations must be named NNNN_lowercase_name.sql")
  endif()
  set(number ${CMAKE_MATCH_1})
  math(EXPR version "${number}")
  if(NOT version EQUAL expected)
    message(FATAL_ERROR "schema/${file}: expected migration number ${expected}; numbers must not skip")
  endif()
  math(EXPR expected "${expected} + 1")

  file(READ ${SCHEMA_DIR}/${file} hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR byte_count "${hex_length} / 2")
  # 32 bytes per line, each byte as \xNN.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  # (CMake regexes have no {n} repetition, hence the spelled-out pattern.)
  string(REPEAT "\\\\x[0-9a-f][0-9a-f]" 32 line_pattern)
  string(REGEX REPLACE "(${line_pattern})" "\\1\"\n    \"" escaped "${escaped}")
  string(REGEX REPLACE "\\.sql$" "" name "${file}")

  string(APPEND definitions "// schema/${file}\nconstexpr char k_sql_${number}[] =\n    \"${escaped}\";\n\n")
  string(APPEND table "    {${version}, \"${name}\", std::string_view(k_sql_${number}, ${byte_count})},\n")
endforeach()

set(content "// Generated from schema/*.sql by schema/embed_migrations.cmake. Do not edit.
#include \"schema/embedded.hpp\"

namespace actiontrack::schema {
namespace {

${definitions}constexpr Migration k_migrations[] = {
${table}};

}  // namespace

std::span<const Migration> migrations() { return k_migrations; }

}  // namespace actiontrack::schema
")

# Rewrite only on change so an unrelated rebuild does not recompile the generated file.
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} previous)
  if(previous STREQUAL content)
    return()
  endif()
endif()
file(WRITE ${OUTPUT} "${content}")
