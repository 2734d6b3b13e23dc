#include "store/row_batches.hpp"

namespace actiontrack::store {

std::string multi_row_sql(std::string_view head, int columns, std::size_t rows,
                          std::string_view tail) {
    std::string row = "(";
    for (int column = 0; column < columns; ++column) row += column == 0 ? "?" : ", ?";
    row += ')';
    std::string sql(head);
    sql += " VALUES ";
    for (std::size_t i = 0; i < rows; ++i) {
        if (i > 0) sql += ", ";
        sql += row;
    }
    if (!tail.empty()) {
        sql += ' ';
        sql += tail;
    }
    return sql;
}

}  // namespace actiontrack::store
