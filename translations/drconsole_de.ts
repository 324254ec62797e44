<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArchiveCheck</name>
    <message>
        <source>libarchive could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged archive after %1 entries: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tar archive has no end-of-archive mark after its %1 entries: it was cut short</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupFileName</name>
    <message>
        <source>&quot;%1&quot; is not a backup file name: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file name must not contain &apos;/&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no YYYYMMDD-HHMMSS time stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &lt;component&gt;-YYYYMMDD-HHMMSS.&lt;format&gt;[.gz][.enc]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown component &quot;%1&quot; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &quot;.%1&quot; (known: .sql, .dump, .db, .tar, .rdb)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupVerifier</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the verification was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expected checksum &quot;%1&quot; is not a SHA-256 in hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the sidecar %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sidecar %1 names another file; its checksum was used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sidecar %1 is not in sha256sum format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sidecar %1 has no line for this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a PostgreSQL dump: the header &quot;-- PostgreSQL database dump&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PostgreSQL dump has no completion footer &quot;%1&quot; at its end: pg_dump did not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the temporary copy in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the temporary copy %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>SQLite integrity check failed (%n problem(s)): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not an openssl-encrypted file (no &quot;Salted__&quot; header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is encrypted: give its key to verify more than its checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong key or not encrypted with this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>unsafe: %n archive member(s) would be written outside the restore folder (absolute path, &quot;..&quot; or through a symbolic link): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the archive is readable but holds no entries (an empty backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a SQLite database (no &quot;SQLite format 3&quot; header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a pg_dump custom-format archive (no &quot;PGDMP&quot; header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Redis RDB file (no &quot;REDIS&quot; header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n gzip members</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the file no longer exists (it vanished after it was listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the size changed since it was listed (%1 bytes, listed as %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSSL could not compute the SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sidecar %1.sha256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expected checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the checksum does not match %1 (expected %2, computed %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; also: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no checksum to compare with (no sidecar %1.sha256)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Cannot create the catalog folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the catalog %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog %1 is damaged or not a catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog %1: cannot read its schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog %1 has schema version %2, newer than this console understands (%3). Use a newer console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog %1: cannot start the migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog %1: migration to version 1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog %1: migration to version 2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog %1: cannot commit the migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the hosts from the catalog %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read host %1 from the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No host named &quot;%1&quot; in the catalog %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host named &quot;%1&quot; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add host %1 to the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 is no longer in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the state of host #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record the error of host #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start saving the sync of host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on host %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the catalog events of host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the backups of host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: backup folder &quot;%2&quot; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: %2 skipped: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update backup %1 of host %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the events of host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read backup %1 of host %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the sync state of host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot commit the sync of host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the backups of host #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the events of host #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the audit log in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the audit log in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the backups of host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record the verification of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the catalog of host #%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogLog</name>
    <message>
        <source>not JSON (%1 at column %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &quot;event&quot; field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;ts&quot; is not an ISO 8601 time: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: incomplete last line (%2 bytes, no newline yet); read again at the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>drconsole-cli: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host needs add, list or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown host command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name or IP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticate with a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local folder instead of SSH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project folder on the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder holding backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host tool path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name in the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host add needs exactly one NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host add needs --address and --user (or --local DIR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port &quot;%1&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added host %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nie synchronisiert</translation>
    </message>
    <message>
        <source>host remove needs exactly one NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed host %1 and its local history (the host itself is untouched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: this build cannot reach hosts by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
The host&apos;s key fingerprint is %2. If it is the right one, run again with --accept-new-host-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host install-tool needs exactly one NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 now runs %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept and remember the key of a host never seen before (a changed key is still refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync needs exactly one NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1: %2 new, %3 changed, %4 gone, %5 new catalog events%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (folders unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list needs exactly one NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unmanaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: 30d, 12h, or START..END (ISO 8601).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compliance takes at most one NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--window &quot;%1&quot;: expected START..END in ISO 8601 with START before END</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--window &quot;%1&quot;: expected a number of days (30d) or hours (12h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO met %1 % of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exposure %1 s / target %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: drconsole-cli [--catalog PATH] [--known-hosts FILE] COMMAND [ARGS]

Commands:
  host add NAME --address ADDR [--port N] --user USER [--key FILE | --password-auth]
                [--base-dir DIR] [--backup-dir DIR]... [--tool-path PATH]
  host add NAME --local DIR [--backup-dir DIR]...
  host list [--json]
  host remove NAME
  host install-tool NAME [--accept-new-host-key]
  sync NAME [--accept-new-host-key]
  list NAME [--json]
  compliance [NAME] [--window 30d|12h|START..END] [--json]
  verify NAME latest|FILE [--local] [--key-file FILE] [--json] [--accept-new-host-key]

Defaults: the catalog and known_hosts in the user&apos;s data folder; DRCONSOLE_CATALOG and
DRCONSOLE_KNOWN_HOSTS do the same as the options. A key&apos;s passphrase or a password is asked
on the terminal, or taken from DRCONSOLE_KEY_PASSPHRASE / DRCONSOLE_SSH_PASSWORD; never stored.
Exit codes: 0 success, 1 findings (compliance: a host is non-compliant), 2 error (the reason
on stderr).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify on this workstation instead of on the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the backup encryption key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept a host key never seen before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify needs NAME and latest or a FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: verifying on this workstation needs the backup downloaded first, which this version cannot do yet for SSH hosts; verify on the host (without --local).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 has no backups in the catalog; sync it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 could not verify %2 (exit code %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecryptStream</name>
    <message>
        <source>not an openssl-encrypted file (shorter than the &quot;Salted__&quot; header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated: the encrypted data is not a whole number of AES blocks (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong key or not encrypted with this key (the last block does not decrypt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an openssl-encrypted file (no &quot;Salted__&quot; header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSSL could not set up AES-256-CBC decryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSSL AES-256-CBC decryption failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GunzipStream</name>
    <message>
        <source>not gzip-compressed (the stream is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not gzip-compressed (no gzip header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected data after the end of the gzip stream (at byte %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid gzip header (member %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported gzip compression method (member %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt data: the gzip CRC32/length check failed (member %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt compressed data near byte %1 of the gzip stream (invalid deflate %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back-reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt compressed data (ISA-L error %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated: the gzip stream ends before its end marker (after %1 compressed bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostCompliance</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no backups at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: last backup %2 ago, target %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: breaches its RPO in %2 unless a backup arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: RPO met %2 % of the window (goal %3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n RPO violation(s) in the window</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the newest backup failed verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n failed verification(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n failed backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n backup(s) stamped in the future (clock skew), not trusted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n backup(s) far smaller than usual</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: a scheduled backup did not arrive (usual interval %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n backup(s) kept past local retention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n day(s) without a backup</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n full backup(s) without a remote copy (3-2-1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: only %2 % of the window&apos;s backups proven good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the last %2 took %3, RTO target %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthly recovery test overdue (last %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recovery test ever recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarterly full drill overdue (last %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no full recovery drill ever recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crontab: no daily backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crontab: no weekly cleanup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crontab: no daily verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n day(s) without a remote copy</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostEditDialog</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>db-prod-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reach by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Au&amp;thentication:</source>
        <translation>Au&amp;thentifizierung:</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Schlüsseldatei:</translation>
    </message>
    <message>
        <source>~/.ssh/id_ed25519 (its passphrase is asked when needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Project &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/opt/discord-reminder-bot (empty: the login&apos;s home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups and service</source>
        <translation>Sicherungen und Dienst</translation>
    </message>
    <message>
        <source>Backup f&amp;olders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One folder per line, relative to the project folder or absolute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host &amp;tool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;art service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery targets (minutes; RPO 0 = real time)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Unknown host key</source>
        <translation>Unbekannter Host-Schlüssel</translation>
    </message>
    <message>
        <source>Compare this fingerprint with the one the host&apos;s administrator reads on the host (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). Accept only if they are identical. An accepted key is remembered; if it ever changes, the console refuses to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>&amp;Accept and remember</source>
        <translation>&amp;Annehmen und merken</translation>
    </message>
</context>
<context>
    <name>HostProfile</name>
    <message>
        <source>Database corruption</source>
        <translation>Datenbankbeschädigung</translation>
    </message>
    <message>
        <source>Application failure</source>
        <translation>Anwendungsausfall</translation>
    </message>
    <message>
        <source>Complete system failure</source>
        <translation>Kompletter Systemausfall</translation>
    </message>
    <message>
        <source>Data center outage</source>
        <translation>Rechenzentrumsausfall</translation>
    </message>
    <message>
        <source>Name &quot;%1&quot;: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: a local host needs its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: the address &quot;%2&quot; is not a host name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: port %2 is outside 1..65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: &quot;%2&quot; is not a valid user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: key-file authentication needs a key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: name at least one folder that holds backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: the backup folder &quot;%2&quot; is not a usable path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: targets of %2 must not be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostSync</name>
    <message>
        <source>Host %1 reported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 gone, %4 new catalog events%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (folders unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostTool</name>
    <message>
        <source>The host tool %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no TOOL_VERSION line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing %1 on host %2 failed (exit code %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy of %1 on host %2 does not match what was sent (SHA-256 %3, expected %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host tool on host %1 was installed but does not run (exit code %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Host %1 cannot be reached by this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 could not start the job %2 (exit code %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 has no job %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 cannot show the log of job %2 (exit code %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost host %1 while following job %2 and could not reconnect (%3 attempts); the job goes on there and can be reattached from byte %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following job %1 on host %2 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalTransport</name>
    <message>
        <source>Host %1: the folder %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot start %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 gave no answer for %3 s and was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 crashed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RawFileSource</name>
    <message>
        <source>read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file no longer exists (it vanished after it was listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file&apos;s size: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSSL could not start a SHA-256 digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reader stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file shrank while it was read (%1 of %2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file grew while it was read (%1 bytes, %2 when opened): is it still being written?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShellQuote</name>
    <message>
        <source>an argument contains a NUL byte: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteCheck</name>
    <message>
        <source>the Qt SQLite driver is not available (install libqt6sql6-sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite could not check the copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshTransport</name>
    <message>
        <source>host %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SSH answer from %1 within %2 s: the host, a firewall or the SSH server is not responding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2: is the SSH server running there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot find the address of %1: the name does not resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1: no network route to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create an SSH session for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 sent no host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot hash the host key of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to connect to %1: host key changed. The host now presents the %2 key %3, which does not match the key recorded for it in %4. Someone may be intercepting the connection (a man-in-the-middle attack), or the host was reinstalled or given new keys. Check that known_hosts line: if the change is expected, confirm the new fingerprint with the host&apos;s administrator, remove the old line (ssh-keygen -R &apos;%5&apos; -f &apos;%6&apos;) and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 (%2) is not known yet. It presents a %3 key with the fingerprint %4. Compare it with the fingerprint the host&apos;s administrator gives you (ssh-keygen -lf on the host key) before accepting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder of %1 to remember the host key of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remember the host key of %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted and remembered the %1 key %2 of %3 in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 needs the password of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 refused the password for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the key file %1 for host %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 is protected by a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase for the key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a private key libssh can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 refused the key %2 for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 refused %2: no key from the SSH agent or ~/.ssh was accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the connection to %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused to run a command %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while opening a channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while starting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while sending input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while running %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 gave no answer for %3 s and was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, lines %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncProtocol</name>
    <message>
        <source>Host %1 sent a listing the console cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a record is cut short (the connection may have dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown protocol header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file record has %1 fields instead of 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad size or time for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalog record before header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more catalog bytes than announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown record type &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalog record is missing (the output was cut short)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no output (is /bin/sh with GNU find available?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dr::BackupHistoryModel</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not verify</source>
        <translation>Nicht prüfbar</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>Nie geprüft</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>File (hover for the folder)</source>
        <translation>Datei (Ordner im Tooltip)</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain</source>
        <translation>Unverschlüsselt</translation>
    </message>
    <message>
        <source>Managed</source>
        <translation>Verwaltet</translation>
    </message>
    <message>
        <source>Unmanaged</source>
        <translation>Nicht verwaltet</translation>
    </message>
    <message>
        <source>Recorded in the host tool&apos;s catalog.jsonl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found by name only: no catalog line from the host tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (%3)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dr::CommandLogModel</name>
    <message>
        <source>command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stderr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Command and output</source>
        <translation>Befehl und Ausgabe</translation>
    </message>
</context>
<context>
    <name>dr::ComplianceDashboard</name>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Judging every host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n host(s): %1 compliant, %2 at risk, %3 not compliant</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::ConsoleWindow</name>
    <message>
        <source>DR Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>synchronisiere…</translation>
    </message>
    <message>
        <source>installing the host tool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add host…</source>
        <translation>Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit host…</source>
        <translation>Host &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove host</source>
        <translation>Host &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisieren</translation>
    </message>
    <message>
        <source>Sync a&amp;ll</source>
        <translation>&amp;Alle synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>&amp;Install host tool</source>
        <translation>Host-Werkzeug &amp;installieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>All components</source>
        <translation>Alle Komponenten</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>unknown (unmanaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Filter by file name…</source>
        <translation>Nach Dateiname filtern…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>Konformität</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Search the log…</source>
        <translation>Protokoll durchsuchen…</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>No host selected. Add one with Host &gt; Add host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — host tool not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — host tool %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>Added host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit host</source>
        <translation>Host bearbeiten</translation>
    </message>
    <message>
        <source>Remove host</source>
        <translation>Host entfernen</translation>
    </message>
    <message>
        <source>Remove host %1 and the history the console keeps of it? Nothing on the host itself is touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install host tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy backup-system.sh and health-check.sh to %1 on host %2 (replacing what is there)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host key changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1 (kept in memory for this session only):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the host: check its key and the credentials, run nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected host&apos;s running sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A console of its own on a demo host built on this computer; needs no server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start %1 --demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console refused to connect to host %1 because its host key changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of the key %1 (kept in memory for this session only):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 refused that password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That passphrase does not open the key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key passphrase for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo host in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dr::DemoHost</name>
    <message>
        <source>Building the demo host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo host in %1 failed (exit code %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run the demo builder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo builder %1 is missing: the host tool was not installed with the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo host in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo host in %1 was cancelled; it is rebuilt from scratch next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dr::FleetComplianceModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>no backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>Konform</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>Not compliant</source>
        <translation>Nicht konform</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>RPO exposure now (target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last drill (RTO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-2-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>%1 %2 (%3)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ✗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 / %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 too old, %2 days missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n without remote copy</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: exposed %2, breaches its %3 target in %4 unless a backup arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: exposed %2, over its %3 target since %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery set: the host is only as recoverable as its oldest component; last backups are %1 apart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dr::HostChartsView</name>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>Component:</source>
        <translation>Komponente:</translation>
    </message>
    <message>
        <source>RPO exposure</source>
        <translation>RPO-Exposition</translation>
    </message>
    <message>
        <source>Backup size</source>
        <translation>Sicherungsgröße</translation>
    </message>
    <message>
        <source>Backup duration</source>
        <translation>Sicherungsdauer</translation>
    </message>
    <message>
        <source>Outcomes per day</source>
        <translation>Ergebnisse pro Tag</translation>
    </message>
    <message>
        <source>Restores and drills</source>
        <translation>Wiederherstellungen und Übungen</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2, %3 bytes, %4, verification: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO exposure of %1 (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violation (exposure above target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours since the last backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of %1 backups (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Far smaller than usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration of %1 backups (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration of %1 backups: none recorded (unmanaged backups carry no duration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore and drill durations against the RTO target (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 min on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No restore or drill recorded yet: RTO unmeasured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dr::HostEditDialog</name>
    <message>
        <source>Edit host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>Lokaler Ordner</translation>
    </message>
    <message>
        <source>SSH agent</source>
        <translation>SSH-Agent</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Password (asked each session, never stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>RTO (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the local host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2: &quot;%3&quot; is not a number of minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RTO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dr::HostKeyDialog</name>
    <message>
        <source>Unknown host key: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dr::HostListModel</name>
    <message>
        <source>synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nie synchronisiert</translation>
    </message>
    <message>
        <source>working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host tool: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) in the catalog</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::HostWorker</name>
    <message>
        <source>Host %1 cannot be reached by this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 gone, %4 new catalog events%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (folders unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now runs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Backup and disaster recovery console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the embedded demo host (needs no server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the first sync ended, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on tab N (0 backups, 1 compliance, 2 charts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every host at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DR Console — demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
