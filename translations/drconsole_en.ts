<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BackupVerifier</name>
    <message numerus="yes">
        <source>SQLite integrity check failed (%n problem(s)): %1</source>
        <translation>
            <numerusform>SQLite integrity check failed (%n problem): %1</numerusform>
            <numerusform>SQLite integrity check failed (%n problems): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unsafe: %n archive member(s) would be written outside the restore folder (absolute path, &quot;..&quot; or through a symbolic link): %1</source>
        <translation>
            <numerusform>unsafe: %n archive member would be written outside the restore folder (absolute path, &quot;..&quot; or through a symbolic link): %1</numerusform>
            <numerusform>unsafe: %n archive members would be written outside the restore folder (absolute path, &quot;..&quot; or through a symbolic link): %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation>
            <numerusform>%n violation</numerusform>
            <numerusform>%n violations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostCompliance</name>
    <message numerus="yes">
        <source>%1: %n RPO violation(s) in the window</source>
        <translation>
            <numerusform>%1: %n RPO violation in the window</numerusform>
            <numerusform>%1: %n RPO violations in the window</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n failed verification(s)</source>
        <translation>
            <numerusform>%1: %n failed verification</numerusform>
            <numerusform>%1: %n failed verifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n failed backup(s)</source>
        <translation>
            <numerusform>%1: %n failed backup</numerusform>
            <numerusform>%1: %n failed backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n backup(s) stamped in the future (clock skew), not trusted</source>
        <translation>
            <numerusform>%1: %n backup stamped in the future (clock skew), not trusted</numerusform>
            <numerusform>%1: %n backups stamped in the future (clock skew), not trusted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n backup(s) far smaller than usual</source>
        <translation>
            <numerusform>%1: %n backup far smaller than usual</numerusform>
            <numerusform>%1: %n backups far smaller than usual</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n backup(s) kept past local retention</source>
        <translation>
            <numerusform>%1: %n backup kept past local retention</numerusform>
            <numerusform>%1: %n backups kept past local retention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n day(s) without a backup</source>
        <translation>
            <numerusform>%1: %n day without a backup</numerusform>
            <numerusform>%1: %n days without a backup</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n day(s) without a remote copy</source>
        <translation>
            <numerusform>%1: %n day without a remote copy</numerusform>
            <numerusform>%1: %n days without a remote copy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n full backup(s) without a remote copy (3-2-1)</source>
        <translation>
            <numerusform>%1: %n full backup without a remote copy (3-2-1)</numerusform>
            <numerusform>%1: %n full backups without a remote copy (3-2-1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProofCoverage</name>
    <message numerus="yes">
        <source>no backups in the last %n day(s)</source>
        <translation>
            <numerusform>no backups in the last %n day</numerusform>
            <numerusform>no backups in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 % of the last %n days&apos; backups proven (%2 of %3)</source>
        <translation>
            <numerusform>%1 % of the last day&apos;s backups proven (%2 of %3)</numerusform>
            <numerusform>%1 % of the last %n days&apos; backups proven (%2 of %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerificationCounts</name>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n table</numerusform>
            <numerusform>%n tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::BackupHistoryModel</name>
    <message numerus="yes">
        <source>Stale: not proved good within the host&apos;s verification interval (%n day(s))</source>
        <translation>
            <numerusform>Stale: not proved good within the host&apos;s verification interval (%n day)</numerusform>
            <numerusform>Stale: not proved good within the host&apos;s verification interval (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::ComplianceDashboard</name>
    <message numerus="yes">
        <source>%n host(s): %1 compliant, %2 at risk, %3 not compliant</source>
        <translation>
            <numerusform>%n host: %1 compliant, %2 at risk, %3 not compliant</numerusform>
            <numerusform>%n hosts: %1 compliant, %2 at risk, %3 not compliant</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::ConsoleWindow</name>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::FleetComplianceModel</name>
    <message numerus="yes">
        <source>%n without remote copy</source>
        <translation>
            <numerusform>%n without remote copy</numerusform>
            <numerusform>%n without remote copy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::HostListModel</name>
    <message numerus="yes">
        <source>%n backup(s) failed verification</source>
        <translation>
            <numerusform>%n backup failed verification</numerusform>
            <numerusform>%n backups failed verification</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) in the catalog</source>
        <translation>
            <numerusform>%n backup in the catalog</numerusform>
            <numerusform>%n backups in the catalog</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::HostWorker</name>
    <message numerus="yes">
        <source>on the host, job %1: %n backup(s)</source>
        <translation>
            <numerusform>on the host, job %1: %n backup</numerusform>
            <numerusform>on the host, job %1: %n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::VerificationPanel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n backup(s): %1 proven · %2 with a stale proof (older than %3) · %4 failed · %5 never verified</source>
        <translation>
            <numerusform>The only backup: %1 proven · %2 with a stale proof (older than %3) · %4 failed · %5 never verified</numerusform>
            <numerusform>All %n backups: %1 proven · %2 with a stale proof (older than %3) · %4 failed · %5 never verified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be verified</source>
        <translation>
            <numerusform>%n could not be verified</numerusform>
            <numerusform>%n could not be verified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every backup was proven good within the last %n day(s): nothing to verify.</source>
        <translation>
            <numerusform>Every backup was proven good within the last day: nothing to verify.</numerusform>
            <numerusform>Every backup was proven good within the last %n days: nothing to verify.</numerusform>
        </translation>
    </message>
</context>
</TS>
