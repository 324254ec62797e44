#pragma once

#include "catalog/Catalog.h"

#include <QObject>
#include <QProcess>

namespace dr {

/// The embedded demo: a local host whose months of history are made by the real host tool
/// (src/host/make-demo-host.sh runs backup-system.sh with a simulated clock), so it needs no server.
/// The build runs as a separate process; the GUI only reads its progress lines.
class DemoHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoHost)

public:
    static constexpr auto hostName = "demo";

    DemoHost(Catalog* catalog, QObject* parent = nullptr);
    ~DemoHost() override;

    /// Builds the demo in @p folder unless a build there finished, then makes sure the catalog has the host.
    void open(const QString& folder);
    /// Stops a build without waiting for it; failed() follows once the builder has gone.
    void cancel();
    /// Days of history a build makes (the builder allows 3 to 400).
    void setDays(int days) { m_days = days; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    /// The builder's process id, which is also its process group's (0 when none runs).
    qint64 builderProcessId() const { return m_process.processId(); }

signals:
    void progress(const QString& line);
    /// Day @p done of @p total of the history is built.
    void progressValue(int done, int total);
    void logLine(const QString& line);
    void ready(const dr::HostProfile& host);
    void failed(const QString& message);

private:
    void finish();
    /// Signals the builder's whole process group: the script runs lanes in the background.
    void signalBuilder(int signal);
    QString completeMarker() const;

    Catalog* m_catalog;
    QProcess m_process;
    QString m_folder;
    QByteArray m_pending;
    bool m_cancelled = false;
    int m_days = 90;
};

} // namespace dr
