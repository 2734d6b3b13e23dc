#include "daemon/json_format.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace actiontrack::cli {

namespace {

void indent(std::string& out, int depth) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

void write(std::string& out, const boost::json::value& value, int depth) {
    if (const auto* object = value.if_object(); object != nullptr && !object->empty()) {
        out += "{\n";
        bool first = true;
        for (const auto& member : *object) {
            if (!first) out += ",\n";
            first = false;
            indent(out, depth + 1);
            out += boost::json::serialize(boost::json::string_view(member.key()));
            out += ": ";
            write(out, member.value(), depth + 1);
        }
        out += '\n';
        indent(out, depth);
        out += '}';
    } else if (const auto* array = value.if_array(); array != nullptr && !array->empty()) {
        out += "[\n";
        bool first = true;
        for (const auto& element : *array) {
            if (!first) out += ",\n";
            first = false;
            indent(out, depth + 1);
            write(out, element, depth + 1);
        }
        out += '\n';
        indent(out, depth);
        out += ']';
    } else {
        // Scalars and empty containers are the same in both forms.
        out += boost::json::serialize(value);
    }
}

}  // namespace

std::string pretty_json(const boost::json::value& value) {
    std::string out;
    write(out, value, 0);
    out += '\n';
    return out;
}

}  // namespace actiontrack::cli
