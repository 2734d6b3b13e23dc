#pragma once
// Loading a format plug-in (see plugin_boundary.hpp): the program's one plug-in loader,
// common/plugins.hpp, used by the PDF, HTML and DOCX adapters.

#include "common/plugins.hpp"
#include "parsers/formats/plugin_boundary.hpp"
