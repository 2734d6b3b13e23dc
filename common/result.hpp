#pragma once
// Expected failures travel as values (std::expected is not in gcc 12's C++20 mode).
// Exceptions are reserved for bugs and are caught at the boundaries (main, coroutine handlers).

#include <string>
#include <utility>
#include <variant>

namespace actiontrack {

// An expected failure with a one-line, human-readable message.
class Error {
public:
    explicit Error(std::string message) : m_message(std::move(message)) {}
    const std::string& message() const { return m_message; }

private:
    std::string m_message;
};

// Either a T or an Error. Check with `if (result)` before `*result` / `result.value()`.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    const Error& error() const { return m_error; }

private:
    Error m_error{""};
    bool m_failed = false;
};

}  // namespace actiontrack

// TRY(expr): evaluate a Result<void>-like expression; return its error from the caller on failure.
#define ACTIONTRACK_CONCAT_INNER(a, b) a##b
#define ACTIONTRACK_CONCAT(a, b) ACTIONTRACK_CONCAT_INNER(a, b)
#define TRY(expr)                                                        \
    do {                                                                 \
        auto&& try_result_ = (expr);                                     \
        if (!try_result_) return ::actiontrack::Error(try_result_.error()); \
    } while (false)
// TRY_ASSIGN(var, expr): declare `var` from a Result<T> or return its error.
#define TRY_ASSIGN(var, expr)                                                             \
    auto ACTIONTRACK_CONCAT(try_tmp_, __LINE__) = (expr);                                 \
    if (!ACTIONTRACK_CONCAT(try_tmp_, __LINE__))                                          \
        return ::actiontrack::Error(ACTIONTRACK_CONCAT(try_tmp_, __LINE__).error());      \
    auto var = std::move(ACTIONTRACK_CONCAT(try_tmp_, __LINE__)).value()
