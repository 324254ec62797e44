#include "core/HostProfile.h"
#include "core/HostTool.h"
#include "core/ShellQuote.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace dr;

// Quoting is proven against a real /bin/sh: the arguments the shell hands to printf must be exactly the
// ones we quoted, and nothing in them may run.
class tst_ShellQuote : public QObject
{
    Q_OBJECT

private slots:
    void roundTripThroughShell_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("plain") << QStringLiteral("backups/database");
        QTest::newRow("empty") << QString();
        QTest::newRow("space") << QStringLiteral("my backups/file 1.gz");
        QTest::newRow("single quote") << QStringLiteral("it's");
        QTest::newRow("quotes mixed") << QStringLiteral("a'b\"c'\"d");
        QTest::newRow("command substitution") << QStringLiteral("$(touch pwned)");
        QTest::newRow("backticks") << QStringLiteral("`touch pwned`");
        QTest::newRow("semicolon") << QStringLiteral("x; touch pwned");
        QTest::newRow("newline") << QStringLiteral("line1\nline2\n");
        QTest::newRow("glob") << QStringLiteral("*");
        QTest::newRow("tilde") << QStringLiteral("~root");
        QTest::newRow("assignment") << QStringLiteral("PATH=/tmp");
        QTest::newRow("dash") << QStringLiteral("-rf");
        QTest::newRow("backslash") << QStringLiteral("a\\b\\'");
        QTest::newRow("unicode") << QStringLiteral("sauvegarde-é-日本");
        QTest::newRow("dollar var") << QStringLiteral("$HOME ${PWD}");
        QTest::newRow("pipe and redirect") << QStringLiteral("| cat > pwned &");
    }

    void roundTripThroughShell()
    {
        QFETCH(QString, argument);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto line = ShellQuote::command({ QStringLiteral("printf"), QStringLiteral("%s\\0"), argument, argument });
        QVERIFY(line.ok());
        QProcess shell;
        shell.setWorkingDirectory(dir.path());
        shell.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), QString::fromUtf8(*line) });
        QVERIFY(shell.waitForFinished(10'000));
        QCOMPARE(shell.exitCode(), 0);
        const QByteArray expected = argument.toUtf8() + '\0' + argument.toUtf8() + '\0';
        QCOMPARE(shell.readAllStandardOutput(), expected);
        QVERIFY2(!QFile::exists(dir.filePath(QStringLiteral("pwned"))), "the argument ran as a command");
    }

    void plainWordsStayReadable()
    {
        QCOMPARE(*ShellQuote::quote(QStringLiteral("backups/database")), QByteArray("backups/database"));
        QCOMPARE(*ShellQuote::quote(QStringLiteral("a b")), QByteArray("'a b'"));
        QCOMPARE(*ShellQuote::quote(QString()), QByteArray("''"));
        QCOMPARE(*ShellQuote::quote(QStringLiteral("it's")), QByteArray("'it'\\''s'"));
    }

    void nulByteIsRefused()
    {
        const auto result = ShellQuote::command({ QStringLiteral("ls"), QStringLiteral("a") + QChar(0) + u'b' });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::InvalidInput);
        QVERIFY(result.error().message.contains(QLatin1String("NUL")));
    }

    void messagesNameTheCommandNotTheShell()
    {
        // "Lost the connection while running sh" said nothing: the host tool's words, or the script's name.
        HostProfile host;
        host.toolPath = QStringLiteral("drconsole/bin/backup-system.sh");
        QCOMPARE(HostTool::commandName(HostTool::command(host,
                     { QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--"),
                         QStringLiteral("backups/x.tar.gz") })),
            QStringLiteral("backup-system.sh verify --json -- backups/x.tar.gz"));
        QCOMPARE(HostTool::commandName({ QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("script"),
                     QStringLiteral("drconsole-sync") }),
            QStringLiteral("drconsole-sync"));
        QCOMPARE(HostTool::commandName({ QStringLiteral("sha256sum"), QStringLiteral("--"), QStringLiteral("f") }),
            QStringLiteral("sha256sum"));
        const QString named = HostTool::commandName(HostTool::command(host, { QString(200, u'x') }));
        QCOMPARE(named.size(), QStringLiteral("backup-system.sh ").size() + 80);
    }
};

QTEST_GUILESS_MAIN(tst_ShellQuote)
#include "tst_ShellQuote.moc"
