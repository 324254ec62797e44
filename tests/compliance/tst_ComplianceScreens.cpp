#include "app/compliance/ComplianceDashboard.h"
#include "app/compliance/FleetComplianceModel.h"
#include "app/compliance/HostChartsView.h"
#include "catalog/Catalog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QValueAxis>

using namespace dr;

// The compliance screens over a real catalog filled through the production sync path.
class tst_ComplianceScreens : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Catalog> m_catalog;
    QDateTime m_now = QDateTime::currentDateTimeUtc();

    void addHost(const QString& name, int hours, int everyHours, bool withEvents)
    {
        HostProfile host;
        host.name = name;
        host.transport = HostProfile::Transport::Local;
        host.baseDir = m_dir.path();
        auto id = m_catalog->addHost(host);
        QVERIFY(id.ok());
        host.id = *id;
        SyncSnapshot snapshot;
        snapshot.hostNow = m_now;
        snapshot.catalogInode = QStringLiteral("1");
        for (int hour = hours; hour > 0; hour -= everyHours) {
            const QDateTime time = m_now.addSecs(-qint64(hour) * 3600 + 1800);
            const QString path = QStringLiteral("backups/database/sqlite-%1.db.gz")
                                     .arg(time.toString(QStringLiteral("yyyyMMdd-HHmmss")));
            const qint64 size = hour == 30 ? 10 : 5000; // one far too small
            snapshot.files.append({ path, size, time });
            if (withEvents) {
                snapshot.catalogBytes += QStringLiteral(
                    R"({"ts":"%1","event":"backup_finished","kind":"full","component":"sqlite","file":"%2","size":%3,"duration_ms":%4})"
                    "\n")
                                             .arg(time.toString(Qt::ISODate), path)
                                             .arg(size)
                                             .arg(2000 + hour % 5 * 100)
                                             .toUtf8();
                snapshot.catalogBytes += QStringLiteral(R"({"ts":"%1","event":"verify","file":"%2","result":"%3"})"
                                                        "\n")
                                             .arg(time.addSecs(60).toString(Qt::ISODate), path,
                                                 hour == 50 ? QStringLiteral("failed") : QStringLiteral("passed"))
                                             .toUtf8();
            }
        }
        if (withEvents) {
            snapshot.catalogBytes += QStringLiteral(
                R"({"ts":"%1","event":"drill_finished","scenario":"complete-system-failure","duration_ms":5400000})"
                "\n")
                                         .arg(m_now.addDays(-12).toString(Qt::ISODate))
                                         .toUtf8();
        }
        snapshot.catalogSize = snapshot.catalogBytes.size();
        QVERIFY(m_catalog->applySync(host, snapshot).ok());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = std::make_unique<Catalog>(m_dir.filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(m_catalog->open().ok());
        addHost(QStringLiteral("hourly"), 24 * 40, 1, true);
        addHost(QStringLiteral("daily"), 24 * 40, 24, false);
        addHost(QStringLiteral("empty"), 0, 1, false);
        for (int i = 0; i < 8; ++i)
            addHost(QStringLiteral("fleet-%1").arg(i), 24 * 60, 1, true);
    }

    void dashboardJudgesEveryHostWithoutStallingTheGui()
    {
        ComplianceDashboard dashboard(m_catalog.get());
        QAbstractItemModelTester tester(dashboard.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dashboard.resize(1200, 500);
        dashboard.show();
        QSignalSpy refreshed(&dashboard, &ComplianceDashboard::refreshed);
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        // A first round paints the rows and their icons once; the second is measured.
        dashboard.refresh();
        QVERIFY(refreshed.wait(30'000));
        QTest::qWait(50);

        // The longest gap between event-loop ticks while the verdicts load.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        sinceTick.start();
        ticker.start();
        dashboard.refresh();
        QVERIFY(refreshed.wait(30'000));
        ticker.stop();
        qInfo("longest event-loop gap while judging 11 hosts: %lld ms", longestGap);
        QVERIFY(longestGap < 50);

        FleetComplianceModel* model = dashboard.model();
        QCOMPARE(model->rowCount(), 11);
        QHash<QString, HostCompliance::Verdict> verdicts;
        for (int row = 0; row < model->rowCount(); ++row)
            verdicts.insert(model->verdict(row)->host, model->verdict(row)->verdict);
        QCOMPARE(verdicts.value(QStringLiteral("empty")), HostCompliance::Verdict::NonCompliant);
        QCOMPARE(verdicts.value(QStringLiteral("daily")), HostCompliance::Verdict::NonCompliant);
        // Text carries the verdict, not only colour.
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row, FleetComplianceModel::VerdictColumn).data().toString();
            QVERIFY(!text.isEmpty());
            QVERIFY(!model->index(row, FleetComplianceModel::VerdictColumn).data(Qt::DecorationRole).isNull());
        }
        const HostCompliance* hourly = nullptr;
        int hourlyRow = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->verdict(row)->host == QLatin1String("hourly")) {
                hourly = model->verdict(row);
                hourlyRow = row;
            }
            // The RPO share names its component (the worst one); the Why column says when more reasons follow.
            const HostCompliance* verdict = model->verdict(row);
            const QString share = model->index(row, FleetComplianceModel::ComplianceColumn).data().toString();
            if (!verdict->components.isEmpty())
                QVERIFY2(share.endsWith(QLatin1Char(')')), qPrintable(share));
            const QString why = model->index(row, FleetComplianceModel::ReasonColumn).data().toString();
            QCOMPARE(why.contains(QLatin1String(" more)")), verdict->reasons.size() > 1);
        }
        QVERIFY(hourly);
        // The last restore or drill names its kind and scenario, so "overdue" beside it cannot be misread.
        QVERIFY(!hourly->rto.isEmpty());
        const QString drill = model->index(hourlyRow, FleetComplianceModel::LastDrillColumn).data().toString();
        QVERIFY2(std::any_of(hourly->rto.cbegin(), hourly->rto.cend(),
                     [&](const RtoFinding& finding) { return drill.contains(u" of " + finding.scenario + u':'); }),
            qPrintable(drill));
        QVERIFY2(drill.startsWith(QLatin1String("drill ")) || drill.startsWith(QLatin1String("restore ")),
            qPrintable(drill));
        QCOMPARE(model->index(hourlyRow, FleetComplianceModel::ComplianceColumn).data().toString(),
            QStringLiteral("%1 % (%2)")
                .arg(QLocale().toString(hourly->components[0].rpo.compliance * 100.0, 'f', 1),
                    hourly->components[0].component));
        QCOMPARE(hourly->components.size(), 1);
        QCOMPARE(hourly->components[0].sizeAnomalies.size(), 1);
        QCOMPARE(hourly->components[0].failedVerifications, 1);
        QVERIFY(hourly->components[0].rpo.compliance > 0.99);

        // Double click opens the host.
        auto* table = dashboard.findChild<QTableView*>(QStringLiteral("fleetTableView"));
        QVERIFY(table);
        QSignalSpy activated(&dashboard, &ComplianceDashboard::hostActivated);
        const QModelIndex first = table->model()->index(0, 0);
        table->scrollTo(first);
        // A view reacts to a double click only after the press that starts it, as with a real mouse.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(
            activated[0][0].toString(), table->model()->index(0, FleetComplianceModel::HostColumn).data().toString());

        // A second refresh keeps the rows (diffed, not reset).
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        dashboard.refresh();
        QVERIFY(refreshed.wait(30'000));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(model->rowCount(), 11);
    }

    void chartsShowTheHistoryAndExport()
    {
        HostChartsView view(m_catalog.get());
        view.resize(1100, 600);
        view.show();
        QSignalSpy loaded(&view, &HostChartsView::loaded);
        view.showHost(QStringLiteral("hourly"));
        QVERIFY(loaded.wait(30'000));
        auto* tabs = view.findChild<QTabWidget*>(QStringLiteral("chartTabWidget"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 5);
        // RPO: shaded violations, the sawtooth and the target line.
        QChart* rpo = view.currentChart();
        QVERIFY(rpo);
        QCOMPARE(rpo->series().size(), 3);
        QVERIFY(qobject_cast<QAreaSeries*>(rpo->series().first()));
        for (int tab = 0; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            QVERIFY2(!view.currentChart()->series().isEmpty(), qPrintable(tabs->tabText(tab)));
            // Every value axis labels its ticks distinctly (kilobyte sizes read "0.002, 0.002, 0.001" in MB).
            for (QAbstractAxis* axis : view.currentChart()->axes()) {
                auto* values = qobject_cast<QValueAxis*>(axis);
                if (!values)
                    continue;
                QStringList labels;
                for (int tick = 0; tick < values->tickCount(); ++tick) {
                    const double value
                        = values->min() + (values->max() - values->min()) * tick / (values->tickCount() - 1);
                    labels.append(QString::asprintf(values->labelFormat().toLatin1().constData(), value));
                }
                QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), int(labels.size()));
            }
            if (!qEnvironmentVariableIsEmpty("DRCONSOLE_SCREENSHOT_DIR"))
                view.grab().save(
                    qEnvironmentVariable("DRCONSOLE_SCREENSHOT_DIR") + QStringLiteral("/chart-%1.png").arg(tab));
        }
        tabs->setCurrentIndex(0);
        const QString png = m_dir.filePath(QStringLiteral("rpo.png"));
        const QString svg = m_dir.filePath(QStringLiteral("rpo.svg"));
        QVERIFY(view.exportCurrentChart(png));
        QVERIFY(view.exportCurrentChart(svg));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 500);
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QVERIFY(svgFile.readAll().contains("<svg"));
        if (!qEnvironmentVariableIsEmpty("DRCONSOLE_SCREENSHOT_DIR"))
            view.grab().save(qEnvironmentVariable("DRCONSOLE_SCREENSHOT_DIR") + QStringLiteral("/charts.png"));

        // Zoom and back.
        const QRectF before = rpo->plotArea();
        rpo->zoomIn();
        QVERIFY(rpo->isZoomed());
        rpo->zoomReset();
        QVERIFY(!rpo->isZoomed());
        QCOMPARE(rpo->plotArea(), before);
    }

    void chartsOfAnUnknownHostSayWhy()
    {
        HostChartsView view(m_catalog.get());
        view.showHost(QStringLiteral("ghost"));
        auto* title = view.findChild<QLabel*>(QStringLiteral("titleLabel"));
        QVERIFY(title);
        QTRY_VERIFY_WITH_TIMEOUT(title->text().contains(QLatin1String("No host named \"ghost\"")), 10'000);
    }
};

QTEST_MAIN(tst_ComplianceScreens)
#include "tst_ComplianceScreens.moc"
