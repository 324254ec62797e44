#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace dr {

class Catalog;
class Transport;
struct HostProfile;

/// drconsole-cli: the console's core without a display, for scripts, monitors and tests.
/// Exit codes: 0 success, 1 findings, 2 error (the reason on stderr).
class CliApp
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    enum ExitCode { Success = 0, Findings = 1, Failure = 2 };

    CliApp();
    int run(const QStringList& arguments);

private:
    int usage(const QString& problem = {});
    int fail(const Error& error);
    int fail(const QString& message);
    /// One line on stderr, control characters escaped (file names may hold newlines and escape sequences).
    void complain(const QString& message);
    int hostCommand(QStringList arguments);
    int hostAdd(const QStringList& arguments);
    int hostList(const QStringList& arguments);
    int hostRemove(const QStringList& arguments);
    int hostInstallTool(const QStringList& arguments);
    /// Connects with the host-key policy and secrets of the command line (asking for a passphrase once
    /// when the key needs one) and runs @p work on the transport.
    template <typename T>
    Result<T> withTransport(
        const HostProfile& host, bool acceptNewHostKey, const std::function<Result<T>(Transport&)>& work);
    int syncCommand(const QStringList& arguments);
    int listCommand(const QStringList& arguments);
    int complianceCommand(const QStringList& arguments);
    int verifyCommand(const QStringList& arguments);

    QString m_catalogPath;
    QString m_knownHostsPath;
    QTextStream m_out;
    QTextStream m_err;
    Catalog* m_catalog = nullptr;
};

} // namespace dr
