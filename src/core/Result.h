#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace dr {

/// An error at an API boundary: a code to branch on, a message for the user that names the file or host
/// and what is wrong, and an optional technical detail (library error text) for the log.
struct Error
{
    enum class Code {
        InvalidInput,
        NotFound,
        Io,
        Network,
        Timeout,
        HostKeyUnknown,
        HostKeyChanged,
        AuthFailed,
        PassphraseNeeded,
        Protocol,
        Database,
        Cancelled,
        Corrupt,
        RemoteCommandFailed,
        Internal,
    };

    Code code = Code::Internal;
    QString message;
    QString detail;

    QString fullText() const { return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')'; }
};

/// A value or an Error. Qt 6.4 has no std::expected; this is the small subset we need.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(Error error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_data); }
    const T& value() const& { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(Error::Code code, QString message, QString detail = {})
{
    return Error { code, std::move(message), std::move(detail) };
}

} // namespace dr
