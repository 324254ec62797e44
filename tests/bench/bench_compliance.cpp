// Fleet scale: 50 hosts with a year of hourly backups (438,000 records) in a real SQLite catalog, filled
// through the same sync path as production. Measures loading and judging every host.
//   bench_compliance [HOSTS] [DAYS]
#include "catalog/Catalog.h"
#include "catalog/FleetCompliance.h"
#include "core/Compliance.h"

#include "app/compliance/ComplianceDashboard.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace dr;

int main(int argc, char* argv[])
{
    QApplication application(argc, argv); // run with QT_QPA_PLATFORM=offscreen without a display
    const int hostCount = argc > 1 ? QByteArray(argv[1]).toInt() : 50;
    const int days = argc > 2 ? QByteArray(argv[2]).toInt() : 365;
    QTextStream out(stdout);
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("fleet.sqlite")));
    if (!catalog.open()) {
        out << "cannot open catalog\n";
        return 2;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime start = now.addDays(-days);
    QElapsedTimer timer;
    timer.start();
    qint64 records = 0;
    for (int h = 0; h < hostCount; ++h) {
        HostProfile host;
        host.name = QStringLiteral("host-%1").arg(h, 3, 10, QLatin1Char('0'));
        host.transport = HostProfile::Transport::Local;
        host.baseDir = QStringLiteral("/srv/fleet");
        host.id = *catalog.addHost(host);
        SyncSnapshot snapshot;
        snapshot.hostNow = now;
        snapshot.catalogInode = QStringLiteral("1");
        for (int hour = 0; hour < days * 24; ++hour) {
            // A few gaps, as real hosts have.
            if ((hour + h) % 997 < 5)
                continue;
            const QDateTime time = start.addSecs(qint64(hour) * 3600);
            const QString path = QStringLiteral("backups/database/sqlite-%1.db.gz")
                                     .arg(time.toString(QStringLiteral("yyyyMMdd-HHmmss")));
            snapshot.files.append({ path, 50'000 + (hour % 13) * 100, time });
            snapshot.catalogBytes += QStringLiteral(
                R"({"ts":"%1","event":"backup_finished","kind":"critical","component":"sqlite","file":"%2","size":%3,"duration_ms":4000})"
                "\n")
                                         .arg(time.toString(Qt::ISODate), path)
                                         .arg(50'000 + (hour % 13) * 100)
                                         .toUtf8();
            ++records;
        }
        snapshot.catalogSize = snapshot.catalogBytes.size();
        if (auto applied = catalog.applySync(host, snapshot); !applied) {
            out << applied.error().fullText() << '\n';
            return 2;
        }
    }
    out << QStringLiteral("filled %1 hosts, %2 backup records in %3 s\n")
               .arg(hostCount)
               .arg(records)
               .arg(timer.elapsed() / 1000.0);

    timer.restart();
    const auto hosts = catalog.hosts();
    int nonCompliant = 0;
    for (const HostProfile& host : *hosts) {
        const auto verdict = judgeHost(catalog, host, ComplianceSettings::lastDays(now, 30));
        nonCompliant += verdict->verdict == HostCompliance::Verdict::NonCompliant;
    }
    const qint64 allMs = timer.elapsed();
    // The engine alone, on data already in memory.
    const auto sample = catalog.backups(hosts->first().id, true);
    timer.restart();
    for (int i = 0; i < hosts->size(); ++i)
        (void)evaluateHost(hosts->first(), *sample, {}, std::nullopt, ComplianceSettings::lastDays(now, 30));
    out << QStringLiteral("every verdict of %1 hosts from the catalog: %2 ms (judging alone, in memory: %3 ms); "
                          "%4 non-compliant\n")
               .arg(hosts->size())
               .arg(allMs)
               .arg(timer.elapsed())
               .arg(nonCompliant);

    // The dashboard at fleet scale: time until every verdict shows, and the longest the GUI thread went
    // without running its event loop meanwhile.
    ComplianceDashboard dashboard(&catalog);
    dashboard.resize(1200, 700);
    dashboard.show();
    QSignalSpy refreshed(&dashboard, &ComplianceDashboard::refreshed);
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
    QElapsedTimer open;
    open.start();
    sinceTick.start();
    ticker.start();
    dashboard.refresh();
    refreshed.wait(120'000);
    const qint64 openMs = open.elapsed();
    ticker.stop();
    out << QStringLiteral(
        "dashboard of %1 hosts: every verdict shown after %2 ms; longest GUI-thread gap %3 ms (goal <= 50)\n")
               .arg(hosts->size())
               .arg(openMs)
               .arg(longestGap);
    return 0;
}
