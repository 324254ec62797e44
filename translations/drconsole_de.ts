<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArchiveCheck</name>
    <message>
        <source>libarchive could not start</source>
        <translation>libarchive konnte nicht starten</translation>
    </message>
    <message>
        <source>damaged archive after %1 entries: %2</source>
        <translation>beschädigtes Archiv nach %1 Einträgen: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>entry &quot;%1&quot;: %2</source>
        <translation>Eintrag „%1“: %2</translation>
    </message>
    <message>
        <source>the tar archive has no end-of-archive mark after its %1 entries: it was cut short</source>
        <translation>dem tar-Archiv fehlt nach seinen %1 Einträgen die Ende-Markierung: es wurde abgeschnitten</translation>
    </message>
    <message>
        <source>not a tar archive (%1)</source>
        <translation>kein tar-Archiv (%1)</translation>
    </message>
    <message>
        <source>data after the tar archive&apos;s end mark (bytes %1 to %2 of the unpacked stream are not zero): a zeroed or damaged header block ended the archive after %3 entries, and a restore would lose what follows</source>
        <translation>Daten nach der Endmarke des tar-Archivs (Bytes %1 bis %2 des entpackten Datenstroms sind nicht null): ein genullter oder beschädigter Kopfblock hat das Archiv nach %3 Einträgen beendet, und eine Wiederherstellung verlöre alles Folgende</translation>
    </message>
</context>
<context>
    <name>BackupFileName</name>
    <message>
        <source>&quot;%1&quot; is not a backup file name: %2</source>
        <translation>„%1“ ist kein Sicherungsdateiname: %2</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <source>a file name must not contain &apos;/&apos;</source>
        <translation>ein Dateiname darf kein „/“ enthalten</translation>
    </message>
    <message>
        <source>no YYYYMMDD-HHMMSS time stamp</source>
        <translation>kein Zeitstempel YYYYMMDD-HHMMSS</translation>
    </message>
    <message>
        <source>expected &lt;component&gt;-YYYYMMDD-HHMMSS.&lt;format&gt;[.gz][.enc]</source>
        <translation>erwartet: &lt;component&gt;-YYYYMMDD-HHMMSS.&lt;format&gt;[.gz][.enc]</translation>
    </message>
    <message>
        <source>unknown component &quot;%1&quot; (known: %2)</source>
        <translation>unbekannte Komponente „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date</source>
        <translation>„%1“ ist kein gültiges Datum</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid time of day</source>
        <translation>„%1“ ist keine gültige Uhrzeit</translation>
    </message>
    <message>
        <source>unknown format &quot;.%1&quot; (known: .sql, .dump, .db, .tar, .rdb)</source>
        <translation>unbekanntes Format „.%1“ (bekannt: .sql, .dump, .db, .tar, .rdb)</translation>
    </message>
</context>
<context>
    <name>BackupVerifier</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the verification was cancelled</source>
        <translation>die Prüfung wurde abgebrochen</translation>
    </message>
    <message>
        <source>the expected checksum &quot;%1&quot; is not a SHA-256 in hex</source>
        <translation>die erwartete Prüfsumme „%1“ ist kein hexadezimaler SHA-256-Wert</translation>
    </message>
    <message>
        <source>cannot read the sidecar %1: %2</source>
        <translation>die Begleitdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the sidecar %1 names another file; its checksum was used</source>
        <translation>die Begleitdatei %1 nennt eine andere Datei; ihre Prüfsumme wurde verwendet</translation>
    </message>
    <message>
        <source>the sidecar %1 is not in sha256sum format</source>
        <translation>die Begleitdatei %1 ist nicht im sha256sum-Format</translation>
    </message>
    <message>
        <source>the sidecar %1 has no line for this file</source>
        <translation>die Begleitdatei %1 enthält keine Zeile für diese Datei</translation>
    </message>
    <message>
        <source>not a PostgreSQL dump: the header &quot;-- PostgreSQL database dump&quot; is missing</source>
        <translation>kein PostgreSQL-Dump: der Kopf „-- PostgreSQL database dump“ fehlt</translation>
    </message>
    <message>
        <source>the PostgreSQL dump has no completion footer &quot;%1&quot; at its end: pg_dump did not finish</source>
        <translation>dem PostgreSQL-Dump fehlt am Ende die Abschlusszeile „%1“: pg_dump wurde nicht fertig</translation>
    </message>
    <message>
        <source>cannot create the temporary copy in %1: %2</source>
        <translation>die temporäre Kopie in %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot write the temporary copy %1: %2</source>
        <translation>die temporäre Kopie %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>SQLite integrity check failed (%n problem(s)): %1</source>
        <translation>
            <numerusform>SQLite-Integritätsprüfung fehlgeschlagen (%n Problem): %1</numerusform>
            <numerusform>SQLite-Integritätsprüfung fehlgeschlagen (%n Probleme): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not an openssl-encrypted file (no &quot;Salted__&quot; header)</source>
        <translation>keine mit openssl verschlüsselte Datei (kein Kopf „Salted__“)</translation>
    </message>
    <message>
        <source>the file is encrypted: give its key to verify more than its checksum</source>
        <translation>die Datei ist verschlüsselt: geben Sie ihren Schlüssel an, um mehr als die Prüfsumme zu prüfen</translation>
    </message>
    <message>
        <source>wrong key or not encrypted with this key</source>
        <translation>falscher Schlüssel oder nicht mit diesem Schlüssel verschlüsselt</translation>
    </message>
    <message numerus="yes">
        <source>unsafe: %n archive member(s) would be written outside the restore folder (absolute path, &quot;..&quot; or through a symbolic link): %1</source>
        <translation>
            <numerusform>unsicher: %n Archiveintrag würde außerhalb des Wiederherstellungsordners geschrieben (absoluter Pfad, „..“ oder über einen symbolischen Link): %1</numerusform>
            <numerusform>unsicher: %n Archiveinträge würden außerhalb des Wiederherstellungsordners geschrieben (absoluter Pfad, „..“ oder über einen symbolischen Link): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the archive is readable but holds no entries (an empty backup)</source>
        <translation>das Archiv ist lesbar, enthält aber keine Einträge (eine leere Sicherung)</translation>
    </message>
    <message>
        <source>not a SQLite database (no &quot;SQLite format 3&quot; header)</source>
        <translation>keine SQLite-Datenbank (kein Kopf „SQLite format 3“)</translation>
    </message>
    <message>
        <source>not a pg_dump custom-format archive (no &quot;PGDMP&quot; header)</source>
        <translation>kein pg_dump-Archiv im Custom-Format (kein Kopf „PGDMP“)</translation>
    </message>
    <message>
        <source>not a Redis RDB file (no &quot;REDIS&quot; header)</source>
        <translation>keine Redis-RDB-Datei (kein Kopf „REDIS“)</translation>
    </message>
    <message>
        <source>the file no longer exists (it vanished after it was listed)</source>
        <translation>die Datei existiert nicht mehr (sie verschwand, nachdem sie aufgelistet wurde)</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>die Datei ist leer (0 Byte)</translation>
    </message>
    <message>
        <source>the size changed since it was listed (%1 bytes, listed as %2)</source>
        <translation>die Größe hat sich seit der Auflistung geändert (%1 Byte, aufgelistet mit %2)</translation>
    </message>
    <message>
        <source>OpenSSL could not compute the SHA-256</source>
        <translation>OpenSSL konnte den SHA-256-Wert nicht berechnen</translation>
    </message>
    <message>
        <source>the sidecar %1.sha256</source>
        <translation>der Begleitdatei %1.sha256</translation>
    </message>
    <message>
        <source>the expected checksum</source>
        <translation>der erwarteten Prüfsumme</translation>
    </message>
    <message>
        <source>the checksum does not match %1 (expected %2, computed %3)</source>
        <translation>die Prüfsumme stimmt nicht mit %1 überein (erwartet %2, berechnet %3)</translation>
    </message>
    <message>
        <source>; also: %1</source>
        <translation>; außerdem: %1</translation>
    </message>
    <message>
        <source>no checksum to compare with (no sidecar %1.sha256)</source>
        <translation>keine Prüfsumme zum Vergleichen (keine Begleitdatei %1.sha256)</translation>
    </message>
    <message>
        <source>the deep restore needs a PostgreSQL server for throwaway databases (a scratch server); none was given</source>
        <translation>die Probewiederherstellung braucht einen PostgreSQL-Server für temporäre Datenbanken (einen Scratch-Server); es wurde keiner angegeben</translation>
    </message>
    <message>
        <source>%1; the file itself is intact (its SHA-256 matches)</source>
        <translation>%1; die Datei selbst ist unversehrt (ihre SHA-256-Prüfsumme stimmt)</translation>
    </message>
    <message>
        <source>no such file, and no backup of that name in the catalog</source>
        <translation>keine solche Datei, und im Katalog keine Sicherung dieses Namens</translation>
    </message>
    <message>
        <source>redis-check-rdb is not installed on this computer (redis-tools): the RDB&apos;s own checksum was not checked</source>
        <translation>redis-check-rdb ist auf diesem Rechner nicht installiert (redis-tools): die eigene Prüfsumme der RDB-Datei wurde nicht geprüft</translation>
    </message>
    <message>
        <source>redis-check-rdb: %1 (in the decompressed RDB)</source>
        <translation>redis-check-rdb: %1 (in der entpackten RDB-Datei)</translation>
    </message>
    <message>
        <source>the sidecar %1 is not a regular file; it was not read</source>
        <translation>die Prüfsummendatei %1 ist keine reguläre Datei; sie wurde nicht gelesen</translation>
    </message>
    <message>
        <source>the decrypted content is of no known kind, so the key could not be confirmed</source>
        <translation>der entschlüsselte Inhalt ist von keiner bekannten Art, daher konnte der Schlüssel nicht bestätigt werden</translation>
    </message>
    <message>
        <source>pg_restore is not installed on this computer (postgresql-client): the custom-format dump was not read beyond its header</source>
        <translation>pg_restore ist auf diesem Rechner nicht installiert (postgresql-client): der Dump im Custom-Format wurde nicht über seinen Kopf hinaus gelesen</translation>
    </message>
    <message>
        <source>the custom-format dump does not read back: %1</source>
        <translation>der Dump im Custom-Format lässt sich nicht zurücklesen: %1</translation>
    </message>
    <message>
        <source>not enough free space in %1 for the temporary copy (%2 MB written, %3 MB left): set TMPDIR to a folder with room for the unpacked backup</source>
        <translation>nicht genug freier Platz in %1 für die temporäre Kopie (%2 MB geschrieben, %3 MB frei): TMPDIR auf einen Ordner mit Platz für die entpackte Sicherung setzen</translation>
    </message>
    <message>
        <source>the snapshot has no checksum (Redis wrote it with rdbchecksum no): its keys parse, but damage inside a value cannot be seen</source>
        <translation>der Schnappschuss hat keine Prüfsumme (Redis hat ihn mit rdbchecksum no geschrieben): seine Schlüssel lassen sich lesen, aber Schäden in einem Wert sind nicht erkennbar</translation>
    </message>
    <message>
        <source>cannot tell what it holds (no tar archive, dump, SQLite database or Redis snapshot, and not named like one)</source>
        <translation>unklar, was sie enthält (kein tar-Archiv, Dump, SQLite-Datenbank oder Redis-Schnappschuss, und nicht so benannt)</translation>
    </message>
    <message>
        <source>the sidecar %1 gives two different checksums for this file</source>
        <translation>die Begleitdatei %1 nennt zwei verschiedene Prüfsummen für diese Datei</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Cannot create the catalog folder %1</source>
        <translation>Der Katalogordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1</source>
        <translation>Der Katalog %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged or not a catalog</source>
        <translation>Der Katalog %1 ist beschädigt oder kein Katalog</translation>
    </message>
    <message>
        <source>Catalog %1: cannot read its schema version</source>
        <translation>Katalog %1: die Schemaversion kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Catalog %1 has schema version %2, newer than this console understands (%3). Use a newer console.</source>
        <translation>Katalog %1 hat die Schemaversion %2, neuer als diese Konsole versteht (%3). Verwenden Sie eine neuere Konsole.</translation>
    </message>
    <message>
        <source>Catalog %1: cannot start the migration</source>
        <translation>Katalog %1: die Migration kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Catalog %1: migration to version 1 failed</source>
        <translation>Katalog %1: Migration auf Version 1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Catalog %1: cannot commit the migration</source>
        <translation>Katalog %1: die Migration kann nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>Cannot read the hosts from the catalog %1</source>
        <translation>Die Hosts können nicht aus dem Katalog %1 gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read host %1 from the catalog</source>
        <translation>Host %1 kann nicht aus dem Katalog gelesen werden</translation>
    </message>
    <message>
        <source>No host named &quot;%1&quot; in the catalog %2</source>
        <translation>Kein Host namens „%1“ im Katalog %2</translation>
    </message>
    <message>
        <source>A host named &quot;%1&quot; already exists</source>
        <translation>Ein Host namens „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>Cannot add host %1 to the catalog</source>
        <translation>Host %1 kann nicht zum Katalog hinzugefügt werden</translation>
    </message>
    <message>
        <source>Cannot save host %1</source>
        <translation>Host %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Host %1 is no longer in the catalog</source>
        <translation>Host %1 ist nicht mehr im Katalog</translation>
    </message>
    <message>
        <source>Cannot remove host %1</source>
        <translation>Host %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot read the state of host #%1</source>
        <translation>Der Zustand von Host #%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot record the error of host #%1</source>
        <translation>Der Fehler von Host #%1 kann nicht festgehalten werden</translation>
    </message>
    <message>
        <source>Cannot start saving the sync of host %1</source>
        <translation>Das Speichern der Synchronisierung von Host %1 kann nicht beginnen</translation>
    </message>
    <message>
        <source>%1 on host %2: %3</source>
        <translation>%1 auf Host %2: %3</translation>
    </message>
    <message>
        <source>Cannot save the catalog events of host %1</source>
        <translation>Die Katalogereignisse von Host %1 können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read the backups of host %1</source>
        <translation>Die Sicherungen von Host %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Host %1: backup folder &quot;%2&quot; does not exist</source>
        <translation>Host %1: der Sicherungsordner „%2“ existiert nicht</translation>
    </message>
    <message>
        <source>Host %1: %2 skipped: %3</source>
        <translation>Host %1: %2 übersprungen: %3</translation>
    </message>
    <message>
        <source>Cannot update backup %1 of host %2</source>
        <translation>Sicherung %1 von Host %2 kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>Cannot read the events of host %1</source>
        <translation>Die Ereignisse von Host %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read backup %1 of host %2</source>
        <translation>Sicherung %1 von Host %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot save the sync state of host %1</source>
        <translation>Der Synchronisierungsstand von Host %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot commit the sync of host %1</source>
        <translation>Die Synchronisierung von Host %1 kann nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>Cannot read the backups of host #%1</source>
        <translation>Die Sicherungen von Host #%1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the events of host #%1</source>
        <translation>Die Ereignisse von Host #%1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot write the audit log in %1</source>
        <translation>Das Audit-Protokoll in %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot read the audit log in %1</source>
        <translation>Das Audit-Protokoll in %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot save the backups of host %1</source>
        <translation>Die Sicherungen von Host %1 können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot record the verification of %1</source>
        <translation>Die Prüfung von %1 kann nicht festgehalten werden</translation>
    </message>
    <message>
        <source>%1 is not in the catalog of host #%2</source>
        <translation>%1 ist nicht im Katalog von Host #%2</translation>
    </message>
    <message>
        <source>Catalog %1: migration to version %2 failed</source>
        <translation>Katalog %1: Migration auf Version %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot read the verifications of %1</source>
        <translation>Die Prüfungen von %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Host %1: %2 is left out: its name is not UTF-8, so the console cannot name it back to the host (rename it)</source>
        <translation>Host %1: %2 wird ausgelassen: sein Name ist kein UTF-8, daher kann die Konsole ihn dem Host nicht zurück nennen (bitte umbenennen)</translation>
    </message>
    <message>
        <source>Host %1: cannot read the folder %2 (no permission): the backups in it are not listed, and those listed before are kept as they were</source>
        <translation>Host %1: der Ordner %2 ist nicht lesbar (keine Berechtigung): die Sicherungen darin werden nicht aufgelistet, die früher aufgelisteten bleiben, wie sie waren</translation>
    </message>
</context>
<context>
    <name>CatalogLog</name>
    <message>
        <source>not JSON (%1 at column %2)</source>
        <translation>kein JSON (%1 in Spalte %2)</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no &quot;event&quot; field</source>
        <translation>kein Feld „event“</translation>
    </message>
    <message>
        <source>&quot;ts&quot; is not an ISO 8601 time: &quot;%1&quot;</source>
        <translation>„ts“ ist keine Zeit nach ISO 8601: „%1“</translation>
    </message>
    <message>
        <source>line %1: incomplete last line (%2 bytes, no newline yet); read again at the next sync</source>
        <translation>Zeile %1: unvollständige letzte Zeile (%2 Byte, noch kein Zeilenumbruch); wird bei der nächsten Synchronisierung erneut gelesen</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>drconsole-cli: %1</source>
        <translation>drconsole-cli: %1</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>host needs add, list or remove</source>
        <translation>host braucht add, list oder remove</translation>
    </message>
    <message>
        <source>unknown host command &quot;%1&quot;</source>
        <translation>unbekannter host-Befehl „%1“</translation>
    </message>
    <message>
        <source>Host name or IP.</source>
        <translation>Hostname oder IP-Adresse.</translation>
    </message>
    <message>
        <source>SSH port.</source>
        <translation>SSH-Port.</translation>
    </message>
    <message>
        <source>Login.</source>
        <translation>Anmeldename.</translation>
    </message>
    <message>
        <source>Private key file.</source>
        <translation>Private Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Authenticate with a password.</source>
        <translation>Mit Passwort authentifizieren.</translation>
    </message>
    <message>
        <source>A local folder instead of SSH.</source>
        <translation>Ein lokaler Ordner statt SSH.</translation>
    </message>
    <message>
        <source>Project folder on the host.</source>
        <translation>Projektordner auf dem Host.</translation>
    </message>
    <message>
        <source>Folder holding backups.</source>
        <translation>Ordner mit Sicherungen.</translation>
    </message>
    <message>
        <source>Host tool path.</source>
        <translation>Pfad des Host-Werkzeugs.</translation>
    </message>
    <message>
        <source>Host name in the console.</source>
        <translation>Hostname in der Konsole.</translation>
    </message>
    <message>
        <source>host add needs exactly one NAME</source>
        <translation>host add braucht genau einen NAME</translation>
    </message>
    <message>
        <source>host add needs --address and --user (or --local DIR)</source>
        <translation>host add braucht --address und --user (oder --local DIR)</translation>
    </message>
    <message>
        <source>--port &quot;%1&quot; is not a number</source>
        <translation>--port „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>Added host %1 (%2)</source>
        <translation>Host %1 hinzugefügt (%2)</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nie synchronisiert</translation>
    </message>
    <message>
        <source>host remove needs exactly one NAME</source>
        <translation>host remove braucht genau einen NAME</translation>
    </message>
    <message>
        <source>Removed host %1 and its local history (the host itself is untouched)</source>
        <translation>Host %1 und sein lokaler Verlauf entfernt (der Host selbst bleibt unberührt)</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>Host %1: this build cannot reach hosts by %2</source>
        <translation>Host %1: dieser Build kann Hosts nicht über %2 erreichen</translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation>Passphrase für %1: </translation>
    </message>
    <message>
        <source>%1
The host&apos;s key fingerprint is %2. If it is the right one, run again with --accept-new-host-key.</source>
        <translation>%1
Der Fingerabdruck des Host-Schlüssels ist %2. Wenn er stimmt, führen Sie den Befehl erneut mit --accept-new-host-key aus.</translation>
    </message>
    <message>
        <source>host install-tool needs exactly one NAME</source>
        <translation>host install-tool braucht genau einen NAME</translation>
    </message>
    <message>
        <source>Host %1 now runs %2 (%3)</source>
        <translation>Auf Host %1 läuft jetzt %2 (%3)</translation>
    </message>
    <message>
        <source>Accept and remember the key of a host never seen before (a changed key is still refused).</source>
        <translation>Den Schlüssel eines noch nie gesehenen Hosts annehmen und merken (ein geänderter Schlüssel wird weiterhin abgelehnt).</translation>
    </message>
    <message>
        <source>sync needs exactly one NAME</source>
        <translation>sync braucht genau einen NAME</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Synced %1: %2 new, %3 changed, %4 gone, %5 new catalog events%6</source>
        <translation>%1 synchronisiert: %2 neu, %3 geändert, %4 entfernt, %5 neue Katalogereignisse%6</translation>
    </message>
    <message>
        <source> (folders unchanged)</source>
        <translation> (Ordner unverändert)</translation>
    </message>
    <message>
        <source>list needs exactly one NAME</source>
        <translation>list braucht genau einen NAME</translation>
    </message>
    <message>
        <source>Window: 30d, 12h, or START..END (ISO 8601).</source>
        <translation>Zeitraum: 30d, 12h oder START..END (ISO 8601).</translation>
    </message>
    <message>
        <source>JSON output.</source>
        <translation>Ausgabe als JSON.</translation>
    </message>
    <message>
        <source>compliance takes at most one NAME</source>
        <translation>compliance nimmt höchstens einen NAME</translation>
    </message>
    <message>
        <source>--window &quot;%1&quot;: expected START..END in ISO 8601 with START before END</source>
        <translation>--window „%1“: erwartet START..END in ISO 8601, START vor END</translation>
    </message>
    <message>
        <source>--window &quot;%1&quot;: expected a number of days (30d) or hours (12h)</source>
        <translation>--window „%1“: erwartet eine Anzahl Tage (30d) oder Stunden (12h)</translation>
    </message>
    <message>
        <source>RPO met %1 % of the window</source>
        <translation>RPO in %1 % des Zeitraums eingehalten</translation>
    </message>
    <message>
        <source>exposure %1 s / target %2 s</source>
        <translation>Exposition %1 s / Ziel %2 s</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation>
            <numerusform>%n Verletzung</numerusform>
            <numerusform>%n Verletzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify on this workstation instead of on the host.</source>
        <translation>Auf diesem Arbeitsplatzrechner prüfen statt auf dem Host.</translation>
    </message>
    <message>
        <source>File holding the backup encryption key.</source>
        <translation>Datei mit dem Schlüssel der Sicherungsverschlüsselung.</translation>
    </message>
    <message>
        <source>Accept a host key never seen before.</source>
        <translation>Einen noch nie gesehenen Host-Schlüssel annehmen.</translation>
    </message>
    <message>
        <source>verify needs NAME and latest or a FILE</source>
        <translation>verify braucht NAME und latest oder eine DATEI</translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2</source>
        <translation>Die Schlüsseldatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Host %1 could not verify %2 (exit code %3): %4</source>
        <translation>Host %1 konnte %2 nicht prüfen (Exit-Code %3): %4</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Also restore: a PostgreSQL dump into a throwaway database (on the host, or with --local on the --scratch-server), SQLite tables and rows counted, archives extracted (on the host).</source>
        <translation>Zusätzlich wiederherstellen: ein PostgreSQL-Dump in eine temporäre Datenbank (auf dem Host oder mit --local auf dem --scratch-server), SQLite-Tabellen und -Zeilen gezählt, Archive entpackt (auf dem Host).</translation>
    </message>
    <message>
        <source>Usage: drconsole-cli [--catalog PATH] [--known-hosts FILE] COMMAND [ARGS]

Commands:
  host add NAME --address ADDR [--port N] --user USER [--key FILE | --password-auth]
                [--base-dir DIR] [--backup-dir DIR]... [--tool-path PATH] [--verify-interval DAYS]
  host add NAME --local DIR [--backup-dir DIR]...
  host list [--json]
  host remove NAME
  host install-tool NAME [--accept-new-host-key]
  sync NAME [--accept-new-host-key]
  list NAME [--json]
  compliance [NAME] [--window 30d|12h|START..END] [--json]
  verify NAME latest|FILE [--local] [--deep [--scratch-server CONNINFO]] [--key-file FILE] [--json]
         [--accept-new-host-key]

Defaults: the catalog and known_hosts in the user&apos;s data folder; DRCONSOLE_CATALOG and
DRCONSOLE_KNOWN_HOSTS do the same as the options. A key&apos;s passphrase or a password is asked
on the terminal, or taken from DRCONSOLE_KEY_PASSPHRASE / DRCONSOLE_SSH_PASSWORD; never stored.
Exit codes: 0 success, 1 findings (compliance: a host is non-compliant), 2 error (the reason
on stderr).
</source>
        <translation>Aufruf: drconsole-cli [--catalog PATH] [--known-hosts FILE] COMMAND [ARGS]

Befehle:
  host add NAME --address ADDR [--port N] --user USER [--key FILE | --password-auth]
                [--base-dir DIR] [--backup-dir DIR]... [--tool-path PATH] [--verify-interval DAYS]
  host add NAME --local DIR [--backup-dir DIR]...
  host list [--json]
  host remove NAME
  host install-tool NAME [--accept-new-host-key]
  sync NAME [--accept-new-host-key]
  list NAME [--json]
  compliance [NAME] [--window 30d|12h|START..END] [--json]
  verify NAME latest|FILE [--local] [--deep [--scratch-server CONNINFO]] [--key-file FILE] [--json]
         [--accept-new-host-key]

Vorgaben: Katalog und known_hosts im Datenordner des Benutzers; DRCONSOLE_CATALOG und
DRCONSOLE_KNOWN_HOSTS wirken wie die Optionen. Die Passphrase eines Schlüssels oder ein Passwort
wird im Terminal abgefragt oder aus DRCONSOLE_KEY_PASSPHRASE / DRCONSOLE_SSH_PASSWORD gelesen;
nie gespeichert.
Exit-Codes: 0 Erfolg, 1 Befunde (compliance: ein Host ist nicht konform), 2 Fehler (der Grund
steht auf stderr).
</translation>
    </message>
    <message>
        <source>Days after which a backup&apos;s proof turns stale (default 7).</source>
        <translation>Tage, nach denen der Nachweis einer Sicherung veraltet (Vorgabe 7).</translation>
    </message>
    <message>
        <source>--verify-interval &quot;%1&quot; is not a number of days</source>
        <translation>--verify-interval „%1“ ist keine Anzahl Tage</translation>
    </message>
    <message>
        <source>The results are not in the catalog yet (they arrive with the next sync): %1</source>
        <translation>Die Ergebnisse stehen noch nicht im Katalog (sie kommen mit der nächsten Synchronisierung): %1</translation>
    </message>
    <message>
        <source>The key file %1 holds no key: its first line is empty</source>
        <translation>Die Schlüsseldatei %1 enthält keinen Schlüssel: ihre erste Zeile ist leer</translation>
    </message>
    <message>
        <source>With --local --deep: a PostgreSQL server for throwaway databases, as &quot;host=H port=P user=U [password=&apos;W&apos;]&quot; (default: DRCONSOLE_SCRATCH_SERVER).</source>
        <translation>Mit --local --deep: ein PostgreSQL-Server für Wegwerf-Datenbanken, als &quot;host=H port=P user=U [password=&apos;W&apos;]&quot; (Vorgabe: DRCONSOLE_SCRATCH_SERVER).</translation>
    </message>
    <message>
        <source>note: %1 is not in the catalog of %2 yet (sync it first): this verification was not recorded</source>
        <translation>Hinweis: %1 ist noch nicht im Katalog von %2 (erst synchronisieren): diese Prüfung wurde nicht aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>DecryptStream</name>
    <message>
        <source>not an openssl-encrypted file (shorter than the &quot;Salted__&quot; header)</source>
        <translation>keine mit openssl verschlüsselte Datei (kürzer als der Kopf „Salted__“)</translation>
    </message>
    <message>
        <source>truncated: the encrypted data is not a whole number of AES blocks (%1 bytes)</source>
        <translation>abgeschnitten: die verschlüsselten Daten sind keine ganze Zahl von AES-Blöcken (%1 Byte)</translation>
    </message>
    <message>
        <source>wrong key or not encrypted with this key (the last block does not decrypt)</source>
        <translation>falscher Schlüssel oder nicht mit diesem Schlüssel verschlüsselt (der letzte Block lässt sich nicht entschlüsseln)</translation>
    </message>
    <message>
        <source>not an openssl-encrypted file (no &quot;Salted__&quot; header)</source>
        <translation>keine mit openssl verschlüsselte Datei (kein Kopf „Salted__“)</translation>
    </message>
    <message>
        <source>OpenSSL could not set up AES-256-CBC decryption</source>
        <translation>OpenSSL konnte die AES-256-CBC-Entschlüsselung nicht einrichten</translation>
    </message>
    <message>
        <source>OpenSSL AES-256-CBC decryption failed</source>
        <translation>OpenSSL-Entschlüsselung mit AES-256-CBC fehlgeschlagen</translation>
    </message>
    <message>
        <source>damaged or cut short: its last encrypted block does not decrypt, though the key opened the %1 bytes before it</source>
        <translation>beschädigt oder gekürzt: sein letzter verschlüsselter Block lässt sich nicht entschlüsseln, obwohl der Schlüssel die %1 Bytes davor geöffnet hat</translation>
    </message>
</context>
<context>
    <name>DeepRestore</name>
    <message>
        <source>cannot list the restored tables</source>
        <translation>die wiederhergestellten Tabellen können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>cannot count the rows of %1</source>
        <translation>die Zeilen von %1 können nicht gezählt werden</translation>
    </message>
    <message>
        <source>cannot open the SQLite copy</source>
        <translation>die SQLite-Kopie kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot reach the scratch PostgreSQL server %1 for the deep restore</source>
        <translation>der Scratch-PostgreSQL-Server %1 für die Probewiederherstellung ist nicht erreichbar</translation>
    </message>
    <message>
        <source>cannot create the throwaway database %1 on %2</source>
        <translation>die temporäre Datenbank %1 kann auf %2 nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot run psql for the deep restore</source>
        <translation>psql kann für die Probewiederherstellung nicht gestartet werden</translation>
    </message>
    <message>
        <source>psql stopped before the end of the dump</source>
        <translation>psql hat vor dem Ende des Dumps aufgehört</translation>
    </message>
    <message>
        <source>psql on this computer cannot block backslash commands (\restrict needs psql 13.22, 14.19, 15.14, 16.10, 17.6 or later); the dump was not restored without that</source>
        <translation>psql auf diesem Computer kann Backslash-Befehle nicht sperren (\restrict braucht psql 13.22, 14.19, 15.14, 16.10, 17.6 oder neuer); ohne diese Sperre wurde der Dump nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>cannot open the throwaway database %1</source>
        <translation>die temporäre Datenbank %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the deep restore was cancelled</source>
        <translation>die Probewiederherstellung wurde abgebrochen</translation>
    </message>
    <message>
        <source>the throwaway database %1 on %2 could not be dropped (%3): drop it by hand</source>
        <translation>die temporäre Datenbank %1 auf %2 konnte nicht gelöscht werden (%3): bitte von Hand löschen</translation>
    </message>
    <message>
        <source>%1 exit %2</source>
        <translation>%1-Exit-Code %2</translation>
    </message>
    <message>
        <source>the dump does not restore (%1, rolled back): %2</source>
        <translation>der Dump lässt sich nicht wiederherstellen (%1, zurückgerollt): %2</translation>
    </message>
    <message>
        <source>cannot run pg_restore for the deep restore</source>
        <translation>pg_restore für die Probewiederherstellung kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>the dump</source>
        <translation>der Dump</translation>
    </message>
    <message>
        <source>%1 was killed or crashed during the deep restore; no verdict on the dump%2</source>
        <translation>%1 wurde während der Probewiederherstellung beendet oder ist abgestürzt; kein Urteil über den Dump%2</translation>
    </message>
    <message>
        <source>the deep restore could not be judged: %1 (%2)</source>
        <translation>die Probewiederherstellung ließ sich nicht beurteilen: %1 (%2)</translation>
    </message>
    <message>
        <source>host=H port=P user=U password=W; quote a value with spaces: password=&apos;a b&apos;</source>
        <translation>host=H port=P user=U password=W; einen Wert mit Leerzeichen in Anführungszeichen setzen: password=&apos;a b&apos;</translation>
    </message>
    <message>
        <source>the scratch server setting has a part that is not key=value (%1)</source>
        <translation>die Angabe des Scratch-Servers hat einen Teil, der nicht Schlüssel=Wert ist (%1)</translation>
    </message>
    <message>
        <source>the value of &quot;%1&quot; in the scratch server setting has no closing quote</source>
        <translation>dem Wert von &quot;%1&quot; in der Angabe des Scratch-Servers fehlt das schließende Anführungszeichen</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; in the scratch server setting (%2)</source>
        <translation>unbekannter Schlüssel &quot;%1&quot; in der Angabe des Scratch-Servers (%2)</translation>
    </message>
    <message>
        <source>the scratch server setting names no host (%1)</source>
        <translation>die Angabe des Scratch-Servers nennt keinen Host (%1)</translation>
    </message>
    <message>
        <source>the value of &quot;%1&quot; in the scratch server setting holds &quot;=&quot;: a space is missing between two keys (%2)</source>
        <translation>der Wert von &quot;%1&quot; in der Angabe des Scratch-Servers enthält &quot;=&quot;: zwischen zwei Schlüsseln fehlt ein Leerzeichen (%2)</translation>
    </message>
    <message>
        <source>the port in the scratch server setting is not a number</source>
        <translation>der Port in der Angabe des Scratch-Servers ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>ExternalChecker</name>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 crashed while checking the backup</source>
        <translation>%1 ist beim Prüfen der Sicherung abgestürzt</translation>
    </message>
</context>
<context>
    <name>GunzipStream</name>
    <message>
        <source>not gzip-compressed (the stream is empty)</source>
        <translation>nicht gzip-komprimiert (der Datenstrom ist leer)</translation>
    </message>
    <message>
        <source>not gzip-compressed (no gzip header)</source>
        <translation>nicht gzip-komprimiert (kein gzip-Kopf)</translation>
    </message>
    <message>
        <source>unexpected data after the end of the gzip stream (at byte %1)</source>
        <translation>unerwartete Daten nach dem Ende des gzip-Datenstroms (bei Byte %1)</translation>
    </message>
    <message>
        <source>invalid gzip header (member %1)</source>
        <translation>ungültiger gzip-Kopf (Teilstrom %1)</translation>
    </message>
    <message>
        <source>unsupported gzip compression method (member %1)</source>
        <translation>nicht unterstützte gzip-Kompressionsmethode (Teilstrom %1)</translation>
    </message>
    <message>
        <source>corrupt data: the gzip CRC32/length check failed (member %1)</source>
        <translation>beschädigte Daten: die CRC32-/Längenprüfung von gzip ist fehlgeschlagen (Teilstrom %1)</translation>
    </message>
    <message>
        <source>corrupt compressed data near byte %1 of the gzip stream (invalid deflate %2)</source>
        <translation>beschädigte komprimierte Daten nahe Byte %1 des gzip-Datenstroms (ungültiger Deflate-%2)</translation>
    </message>
    <message>
        <source>block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>back-reference</source>
        <translation>Rückverweis</translation>
    </message>
    <message>
        <source>corrupt compressed data (ISA-L error %1)</source>
        <translation>beschädigte komprimierte Daten (ISA-L-Fehler %1)</translation>
    </message>
    <message>
        <source>truncated: the gzip stream ends before its end marker (after %1 compressed bytes)</source>
        <translation>abgeschnitten: der gzip-Datenstrom endet vor seiner Endmarkierung (nach %1 komprimierten Byte)</translation>
    </message>
    <message>
        <source>unexpected data at byte %1 of the gzip stream, after zero padding from byte %2 (gzip -d stops at the padding: nothing after it would be restored)</source>
        <translation>unerwartete Daten bei Byte %1 des gzip-Stroms, nach Null-Auffüllung ab Byte %2 (gzip -d hört bei der Auffüllung auf: nichts danach würde wiederhergestellt)</translation>
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
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>no backups at all</source>
        <translation>überhaupt keine Sicherungen</translation>
    </message>
    <message>
        <source>%1: no backup</source>
        <translation>%1: keine Sicherung</translation>
    </message>
    <message>
        <source>%1: last backup %2 ago, target %3</source>
        <translation>%1: letzte Sicherung ist %2 alt, Ziel %3</translation>
    </message>
    <message>
        <source>%1: breaches its RPO in %2 unless a backup arrives</source>
        <translation>%1: noch %2 bis zur RPO-Verletzung, falls keine Sicherung eintrifft</translation>
    </message>
    <message>
        <source>%1: RPO met %2 % of the window (goal %3 %)</source>
        <translation>%1: RPO in %2 % des Zeitraums eingehalten (Ziel %3 %)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n RPO violation(s) in the window</source>
        <translation>
            <numerusform>%1: %n RPO-Verletzung im Zeitraum</numerusform>
            <numerusform>%1: %n RPO-Verletzungen im Zeitraum</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the newest backup failed verification</source>
        <translation>%1: die neueste Sicherung hat die Prüfung nicht bestanden</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n failed verification(s)</source>
        <translation>
            <numerusform>%1: %n fehlgeschlagene Prüfung</numerusform>
            <numerusform>%1: %n fehlgeschlagene Prüfungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n failed backup(s)</source>
        <translation>
            <numerusform>%1: %n fehlgeschlagene Sicherung</numerusform>
            <numerusform>%1: %n fehlgeschlagene Sicherungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n backup(s) stamped in the future (clock skew), not trusted</source>
        <translation>
            <numerusform>%1: %n Sicherung mit Zeitstempel in der Zukunft (Uhrenabweichung), nicht vertrauenswürdig</numerusform>
            <numerusform>%1: %n Sicherungen mit Zeitstempel in der Zukunft (Uhrenabweichung), nicht vertrauenswürdig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n backup(s) far smaller than usual</source>
        <translation>
            <numerusform>%1: %n Sicherung viel kleiner als üblich</numerusform>
            <numerusform>%1: %n Sicherungen viel kleiner als üblich</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: a scheduled backup did not arrive (usual interval %2)</source>
        <translation>%1: eine geplante Sicherung ist nicht eingetroffen (übliches Intervall %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n backup(s) kept past local retention</source>
        <translation>
            <numerusform>%1: %n Sicherung über die lokale Aufbewahrungsfrist hinaus behalten</numerusform>
            <numerusform>%1: %n Sicherungen über die lokale Aufbewahrungsfrist hinaus behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n day(s) without a backup</source>
        <translation>
            <numerusform>%1: %n Tag ohne Sicherung</numerusform>
            <numerusform>%1: %n Tage ohne Sicherung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n full backup(s) without a remote copy (3-2-1)</source>
        <translation>
            <numerusform>%1: %n Vollsicherung ohne externe Kopie (3-2-1)</numerusform>
            <numerusform>%1: %n Vollsicherungen ohne externe Kopie (3-2-1)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: only %2 % of the window&apos;s backups proven good</source>
        <translation>%1: nur %2 % der Sicherungen im Zeitraum nachweislich gut</translation>
    </message>
    <message>
        <source>%1: the last %2 took %3, RTO target %4</source>
        <translation>%1: %2 zuletzt: %3 (RTO-Ziel %4)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>monthly recovery test overdue (last %1)</source>
        <translation>monatlicher Wiederherstellungstest überfällig (zuletzt %1)</translation>
    </message>
    <message>
        <source>no recovery test ever recorded</source>
        <translation>noch nie ein Wiederherstellungstest erfasst</translation>
    </message>
    <message>
        <source>quarterly full drill overdue (last %1)</source>
        <translation>vierteljährliche vollständige Übung überfällig (zuletzt %1)</translation>
    </message>
    <message>
        <source>no full recovery drill ever recorded</source>
        <translation>noch nie eine vollständige Wiederherstellungsübung erfasst</translation>
    </message>
    <message>
        <source>crontab: no daily backup</source>
        <translation>crontab: keine tägliche Sicherung</translation>
    </message>
    <message>
        <source>crontab: no weekly cleanup</source>
        <translation>crontab: keine wöchentliche Bereinigung</translation>
    </message>
    <message>
        <source>crontab: no daily verify</source>
        <translation>crontab: keine tägliche Prüfung</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n day(s) without a remote copy</source>
        <translation>
            <numerusform>%1: %n Tag ohne externe Kopie</numerusform>
            <numerusform>%1: %n Tage ohne externe Kopie</numerusform>
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
        <translation>db-prod-1</translation>
    </message>
    <message>
        <source>&amp;Reach by:</source>
        <translation>&amp;Verbindung über:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>Hostname oder IP-Adresse</translation>
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
        <translation>~/.ssh/id_ed25519 (die Passphrase wird bei Bedarf abgefragt)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Project &amp;folder:</source>
        <translation>Projekt&amp;ordner:</translation>
    </message>
    <message>
        <source>/opt/discord-reminder-bot (empty: the login&apos;s home)</source>
        <translation>/opt/discord-reminder-bot (leer: das Home-Verzeichnis des Anmeldebenutzers)</translation>
    </message>
    <message>
        <source>Backups and service</source>
        <translation>Sicherungen und Dienst</translation>
    </message>
    <message>
        <source>Backup f&amp;olders:</source>
        <translation>Si&amp;cherungsordner:</translation>
    </message>
    <message>
        <source>One folder per line, relative to the project folder or absolute.</source>
        <translation>Ein Ordner pro Zeile, relativ zum Projektordner oder absolut.</translation>
    </message>
    <message>
        <source>Host &amp;tool:</source>
        <translation>Host-&amp;Werkzeug:</translation>
    </message>
    <message>
        <source>&amp;Stop service:</source>
        <translation>&amp;Dienst stoppen:</translation>
    </message>
    <message>
        <source>St&amp;art service:</source>
        <translation>Dienst sta&amp;rten:</translation>
    </message>
    <message>
        <source>Recovery targets (minutes; RPO 0 = real time)</source>
        <translation>Wiederherstellungsziele (Minuten; RPO 0 = Echtzeit)</translation>
    </message>
    <message>
        <source>&amp;Verification interval:</source>
        <translation>Prüf&amp;intervall:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>A proof older than this turns stale and the backup counts as unverified.</source>
        <translation>Ein Nachweis, der älter ist, veraltet, und die Sicherung gilt als ungeprüft.</translation>
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
        <translation>Vergleichen Sie diesen Fingerabdruck mit dem, den der Administrator des Hosts auf dem Host abliest (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). Nehmen Sie ihn nur an, wenn beide identisch sind. Ein angenommener Schlüssel wird gespeichert; ändert er sich jemals, verweigert die Konsole die Verbindung.</translation>
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
        <translation>Name „%1“: verwenden Sie 1 bis 64 Buchstaben, Ziffern, „.“, „_“ oder „-“, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Host %1: a local host needs its folder.</source>
        <translation>Host %1: ein lokaler Host braucht seinen Ordner.</translation>
    </message>
    <message>
        <source>Host %1: the address &quot;%2&quot; is not a host name or IP address.</source>
        <translation>Host %1: die Adresse „%2“ ist kein Hostname und keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Host %1: port %2 is outside 1..65535.</source>
        <translation>Host %1: Port %2 liegt außerhalb von 1..65535.</translation>
    </message>
    <message>
        <source>Host %1: &quot;%2&quot; is not a valid user name.</source>
        <translation>Host %1: „%2“ ist kein gültiger Benutzername.</translation>
    </message>
    <message>
        <source>Host %1: key-file authentication needs a key file.</source>
        <translation>Host %1: die Authentifizierung per Schlüsseldatei braucht eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Host %1: name at least one folder that holds backups.</source>
        <translation>Host %1: geben Sie mindestens einen Ordner an, der Sicherungen enthält.</translation>
    </message>
    <message>
        <source>Host %1: the backup folder &quot;%2&quot; is not a usable path.</source>
        <translation>Host %1: der Sicherungsordner „%2“ ist kein verwendbarer Pfad.</translation>
    </message>
    <message>
        <source>Host %1: targets of %2 must not be negative.</source>
        <translation>Host %1: die Ziele für %2 dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <source>local folder %1</source>
        <translation>lokaler Ordner %1</translation>
    </message>
    <message>
        <source>Host %1: the verification interval must be 1 to 366 days, not %2</source>
        <translation>Host %1: das Prüfintervall muss 1 bis 366 Tage betragen, nicht %2</translation>
    </message>
</context>
<context>
    <name>HostSync</name>
    <message>
        <source>Host %1 reported: %2</source>
        <translation>Host %1 meldete: %2</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 gone, %4 new catalog events%5</source>
        <translation>%1 neu, %2 geändert, %3 entfernt, %4 neue Katalogereignisse%5</translation>
    </message>
    <message>
        <source> (folders unchanged)</source>
        <translation> (Ordner unverändert)</translation>
    </message>
    <message>
        <source>Host %1 has no backups to verify</source>
        <translation>Host %1 hat keine Sicherungen zum Prüfen</translation>
    </message>
</context>
<context>
    <name>HostTool</name>
    <message>
        <source>The host tool %1 cannot be read</source>
        <translation>Das Host-Werkzeug %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 has no TOOL_VERSION line</source>
        <translation>%1 hat keine TOOL_VERSION-Zeile</translation>
    </message>
    <message>
        <source>Installing %1 on host %2 failed (exit code %3)</source>
        <translation>Die Installation von %1 auf Host %2 ist fehlgeschlagen (Exit-Code %3)</translation>
    </message>
    <message>
        <source>The copy of %1 on host %2 does not match what was sent (SHA-256 %3, expected %4)</source>
        <translation>Die Kopie von %1 auf Host %2 stimmt nicht mit dem Gesendeten überein (SHA-256 %3, erwartet %4)</translation>
    </message>
    <message>
        <source>The host tool on host %1 was installed but does not run (exit code %2)</source>
        <translation>Das Host-Werkzeug auf Host %1 wurde installiert, läuft aber nicht (Exit-Code %2)</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Host %1 cannot be reached by this build</source>
        <translation>Host %1 ist mit diesem Build nicht erreichbar</translation>
    </message>
    <message>
        <source>Host %1 could not start the job %2 (exit code %3)</source>
        <translation>Host %1 konnte den Job %2 nicht starten (Exit-Code %3)</translation>
    </message>
    <message>
        <source>Host %1 has no job %2</source>
        <translation>Host %1 hat keinen Job %2</translation>
    </message>
    <message>
        <source>Host %1 cannot show the log of job %2 (exit code %3)</source>
        <translation>Host %1 kann das Protokoll von Job %2 nicht anzeigen (Exit-Code %3)</translation>
    </message>
    <message>
        <source>Lost host %1 while following job %2 and could not reconnect (%3 attempts); the job goes on there and can be reattached from byte %4</source>
        <translation>Verbindung zu Host %1 beim Verfolgen von Job %2 verloren und keine Wiederverbindung möglich (%3 Versuche); der Job läuft dort weiter und kann ab Byte %4 wieder verfolgt werden</translation>
    </message>
    <message>
        <source>Following job %1 on host %2 was cancelled</source>
        <translation>Verfolgen von Job %1 auf Host %2 wurde abgebrochen</translation>
    </message>
    <message>
        <source>Host %1 could not stop job %2 (exit code %3)</source>
        <translation>Host %1 konnte Auftrag %2 nicht anhalten (Exit-Code %3)</translation>
    </message>
</context>
<context>
    <name>LocalTransport</name>
    <message>
        <source>Host %1: the folder %2 does not exist</source>
        <translation>Host %1: der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>host %1 (%2)</source>
        <translation>Host %1 (%2)</translation>
    </message>
    <message>
        <source>No command given for %1</source>
        <translation>Kein Befehl für %1 angegeben</translation>
    </message>
    <message>
        <source>%1: cannot start %2</source>
        <translation>%1: %2 kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>%1: %2 was cancelled</source>
        <translation>%1: %2 wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2 gave no answer for %3 s and was stopped</source>
        <translation>%1: %2 hat %3 s lang nicht geantwortet und wurde beendet</translation>
    </message>
    <message>
        <source>%1: %2 crashed</source>
        <translation>%1: %2 ist abgestürzt</translation>
    </message>
    <message>
        <source>%1: cannot read %2</source>
        <translation>%1: %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1: %2 ended early or could not be read</source>
        <translation>%1: %2 endete vorzeitig oder konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>PartialDownload</name>
    <message>
        <source>Cannot create the folder for %1</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2</source>
        <translation>%1 kann nicht in %2 umbenannt werden</translation>
    </message>
</context>
<context>
    <name>PgCustomCheck</name>
    <message>
        <source>this pg_restore is older than the pg_dump that made the dump: %1</source>
        <translation>dieses pg_restore ist älter als das pg_dump, das den Dump erstellt hat: %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>Proof</name>
    <message>
        <source>Proven good</source>
        <translation>Nachweislich gut</translation>
    </message>
    <message>
        <source>Proof stale</source>
        <translation>Nachweis veraltet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>Nie geprüft</translation>
    </message>
    <message>
        <source>exists and size</source>
        <translation>Vorhandensein und Größe</translation>
    </message>
    <message>
        <source>checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>archive/decrypt read-through</source>
        <translation>Archiv/Entschlüsselung vollständig gelesen</translation>
    </message>
    <message>
        <source>integrity check</source>
        <translation>Integritätsprüfung</translation>
    </message>
    <message>
        <source>deep restore</source>
        <translation>Probewiederherstellung</translation>
    </message>
    <message>
        <source>nothing proven</source>
        <translation>nichts nachgewiesen</translation>
    </message>
    <message>
        <source>level not recorded</source>
        <translation>Stufe nicht erfasst</translation>
    </message>
</context>
<context>
    <name>ProofCoverage</name>
    <message numerus="yes">
        <source>no backups in the last %n day(s)</source>
        <translation>
            <numerusform>keine Sicherungen innerhalb des letzten Tages</numerusform>
            <numerusform>keine Sicherungen in den letzten %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 % of the last %n days&apos; backups proven (%2 of %3)</source>
        <translation>
            <numerusform>%1 % der Sicherungen des letzten Tages nachgewiesen (%2 von %3)</numerusform>
            <numerusform>%1 % der Sicherungen der letzten %n Tage nachgewiesen (%2 von %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RawFileSource</name>
    <message>
        <source>read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <source>the file no longer exists (it vanished after it was listed)</source>
        <translation>die Datei existiert nicht mehr (sie verschwand, nachdem sie aufgelistet wurde)</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot read the file&apos;s size: %1</source>
        <translation>die Dateigröße kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>OpenSSL could not start a SHA-256 digest</source>
        <translation>OpenSSL konnte keine SHA-256-Berechnung starten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the reader stopped early</source>
        <translation>der Leser hat vorzeitig aufgehört</translation>
    </message>
    <message>
        <source>the file shrank while it was read (%1 of %2 bytes)</source>
        <translation>die Datei ist beim Lesen geschrumpft (%1 von %2 Byte)</translation>
    </message>
    <message>
        <source>the file grew while it was read (%1 bytes, %2 when opened): is it still being written?</source>
        <translation>die Datei ist beim Lesen gewachsen (%1 Byte, %2 beim Öffnen): wird sie noch geschrieben?</translation>
    </message>
</context>
<context>
    <name>RdbCheck</name>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>this redis-check-rdb is older than the Redis that wrote the snapshot: %1</source>
        <translation>dieses redis-check-rdb ist älter als das Redis, das den Schnappschuss geschrieben hat: %1</translation>
    </message>
</context>
<context>
    <name>ShellQuote</name>
    <message>
        <source>an argument contains a NUL byte: %1</source>
        <translation>ein Argument enthält ein NUL-Byte: %1</translation>
    </message>
</context>
<context>
    <name>SqliteCheck</name>
    <message>
        <source>the Qt SQLite driver is not available (install libqt6sql6-sqlite)</source>
        <translation>der Qt-SQLite-Treiber ist nicht verfügbar (installieren Sie libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <source>SQLite: %1</source>
        <translation>SQLite: %1</translation>
    </message>
    <message>
        <source>SQLite could not check the copy: %1</source>
        <translation>SQLite konnte die Kopie nicht prüfen: %1</translation>
    </message>
    <message>
        <source>the file holds %1 bytes after the %2 pages of %3 bytes its header counts: SQLite ignores them, so something was appended to the database</source>
        <translation>die Datei enthält %1 Bytes nach den %2 Seiten zu %3 Bytes, die ihr Kopf zählt: SQLite ignoriert sie, also wurde etwas an die Datenbank angehängt</translation>
    </message>
    <message>
        <source>its size (%1 bytes) is not a whole number of %2-byte pages</source>
        <translation>ihre Größe (%1 Bytes) ist keine ganze Zahl von Seiten zu %2 Bytes</translation>
    </message>
</context>
<context>
    <name>SshTransport</name>
    <message>
        <source>host %1 (%2)</source>
        <translation>Host %1 (%2)</translation>
    </message>
    <message>
        <source>No SSH answer from %1 within %2 s: the host, a firewall or the SSH server is not responding</source>
        <translation>Keine SSH-Antwort von %1 innerhalb von %2 s: der Host, eine Firewall oder der SSH-Server antwortet nicht</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2: is the SSH server running there?</source>
        <translation>%1 hat die Verbindung auf Port %2 abgelehnt: läuft dort der SSH-Server?</translation>
    </message>
    <message>
        <source>Cannot find the address of %1: the name does not resolve</source>
        <translation>Die Adresse von %1 ist nicht auffindbar: der Name lässt sich nicht auflösen</translation>
    </message>
    <message>
        <source>Cannot reach %1: no network route to it</source>
        <translation>%1 ist nicht erreichbar: keine Netzwerkroute dorthin</translation>
    </message>
    <message>
        <source>Cannot connect to %1</source>
        <translation>Keine Verbindung zu %1 möglich</translation>
    </message>
    <message>
        <source>Cannot create an SSH session for %1</source>
        <translation>Für %1 kann keine SSH-Sitzung angelegt werden</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbinde mit %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Mit %1 verbunden</translation>
    </message>
    <message>
        <source>Host %1 sent no host key</source>
        <translation>Host %1 hat keinen Host-Schlüssel gesendet</translation>
    </message>
    <message>
        <source>Cannot hash the host key of %1</source>
        <translation>Der Hash des Host-Schlüssels von %1 kann nicht berechnet werden</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>Refused to connect to %1: host key changed. The host now presents the %2 key %3, which does not match the key recorded for it in %4. Someone may be intercepting the connection (a man-in-the-middle attack), or the host was reinstalled or given new keys. Check that known_hosts line: if the change is expected, confirm the new fingerprint with the host&apos;s administrator, remove the old line (ssh-keygen -R &apos;%5&apos; -f &apos;%6&apos;) and connect again.</source>
        <translation>Verbindung zu %1 verweigert: Host-Schlüssel geändert. Der Host präsentiert jetzt den %2-Schlüssel %3, der nicht zu dem für ihn in %4 gespeicherten Schlüssel passt. Möglicherweise wird die Verbindung abgefangen (ein Man-in-the-Middle-Angriff), oder der Host wurde neu installiert bzw. hat neue Schlüssel erhalten. Prüfen Sie diese known_hosts-Zeile: Ist die Änderung erwartet, bestätigen Sie den neuen Fingerabdruck mit dem Administrator des Hosts, entfernen Sie die alte Zeile (ssh-keygen -R &apos;%5&apos; -f &apos;%6&apos;) und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>Host %1 (%2) is not known yet. It presents a %3 key with the fingerprint %4. Compare it with the fingerprint the host&apos;s administrator gives you (ssh-keygen -lf on the host key) before accepting it.</source>
        <translation>Host %1 (%2) ist noch nicht bekannt. Er präsentiert einen %3-Schlüssel mit dem Fingerabdruck %4. Vergleichen Sie ihn mit dem Fingerabdruck, den Ihnen der Administrator des Hosts nennt (ssh-keygen -lf auf dem Host-Schlüssel), bevor Sie ihn annehmen.</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1 to remember the host key of %2</source>
        <translation>Der Ordner von %1 zum Speichern des Host-Schlüssels von %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot remember the host key of %1 in %2</source>
        <translation>Der Host-Schlüssel von %1 kann nicht in %2 gespeichert werden</translation>
    </message>
    <message>
        <source>Accepted and remembered the %1 key %2 of %3 in %4</source>
        <translation>%1-Schlüssel %2 von %3 angenommen und in %4 gespeichert</translation>
    </message>
    <message>
        <source>Host %1 needs the password of %2</source>
        <translation>Host %1 braucht das Passwort von %2</translation>
    </message>
    <message>
        <source>Host %1 refused the password for %2</source>
        <translation>Host %1 hat das Passwort für %2 abgelehnt</translation>
    </message>
    <message>
        <source>Cannot read the key file %1 for host %2</source>
        <translation>Die Schlüsseldatei %1 für Host %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The key %1 is protected by a passphrase</source>
        <translation>Der Schlüssel %1 ist durch eine Passphrase geschützt</translation>
    </message>
    <message>
        <source>Wrong passphrase for the key %1</source>
        <translation>Falsche Passphrase für den Schlüssel %1</translation>
    </message>
    <message>
        <source>%1 is not a private key libssh can read</source>
        <translation>%1 ist kein privater Schlüssel, den libssh lesen kann</translation>
    </message>
    <message>
        <source>Host %1 refused the key %2 for %3</source>
        <translation>Host %1 hat den Schlüssel %2 für %3 abgelehnt</translation>
    </message>
    <message>
        <source>Host %1 refused %2: no key from the SSH agent or ~/.ssh was accepted</source>
        <translation>Host %1 hat %2 abgelehnt: kein Schlüssel aus dem SSH-Agenten oder ~/.ssh wurde angenommen</translation>
    </message>
    <message>
        <source>Lost the connection to %1 %2</source>
        <translation>Verbindung zu %1 %2 verloren</translation>
    </message>
    <message>
        <source>%1 refused to run a command %2</source>
        <translation>%1 hat die Ausführung eines Befehls %2 verweigert</translation>
    </message>
    <message>
        <source>while opening a channel</source>
        <translation>beim Öffnen eines Kanals</translation>
    </message>
    <message>
        <source>while starting %1</source>
        <translation>beim Starten von %1</translation>
    </message>
    <message>
        <source>while sending input</source>
        <translation>beim Senden der Eingabe</translation>
    </message>
    <message>
        <source>while running %1</source>
        <translation>bei der Ausführung von %1</translation>
    </message>
    <message>
        <source>%1: %2 was cancelled</source>
        <translation>%1: %2 wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2 gave no answer for %3 s and was stopped</source>
        <translation>%1: %2 hat %3 s lang nicht geantwortet und wurde beendet</translation>
    </message>
    <message>
        <source>%1, lines %2</source>
        <translation>%1, Zeilen %2</translation>
    </message>
    <message>
        <source>%1 sent nothing for %2 s while downloading %3</source>
        <translation>%1 hat beim Herunterladen von %3 %2 s lang nichts gesendet</translation>
    </message>
    <message>
        <source>Lost the connection to %1 while downloading %2</source>
        <translation>Verbindung zu %1 beim Herunterladen von %2 verloren</translation>
    </message>
    <message>
        <source>%1 does not offer SFTP (the sshd Subsystem sftp line), needed to download %2</source>
        <translation>%1 bietet kein SFTP an (die sshd-Zeile „Subsystem sftp“), das zum Herunterladen von %2 nötig ist</translation>
    </message>
    <message>
        <source>%1: %2 does not exist (any more): it may have been removed since the last sync</source>
        <translation>%1: %2 existiert nicht (mehr): möglicherweise wurde es seit der letzten Synchronisierung entfernt</translation>
    </message>
    <message>
        <source>%1: no permission to read %2</source>
        <translation>%1: keine Leseberechtigung für %2</translation>
    </message>
    <message>
        <source>%1: %2 failed for %3</source>
        <translation>%1: %2 von %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>reading the size</source>
        <translation>Lesen der Größe</translation>
    </message>
    <message>
        <source>%1: %2 is not a regular file</source>
        <translation>%1: %2 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1: %2 changed size on the host during the download (%3 -&gt; %4 bytes)</source>
        <translation>%1: %2 hat während des Herunterladens auf dem Host seine Größe geändert (%3 -&gt; %4 Byte)</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>seeking</source>
        <translation>Positionieren</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>%1: %2 ended at %3 bytes, shorter than its listed size %4: it changed during the download</source>
        <translation>%1: %2 endete bei %3 Byte, kürzer als die aufgelistete Größe %4: die Datei hat sich während des Herunterladens geändert</translation>
    </message>
    <message>
        <source>Downloading %1 from %2 to %3</source>
        <translation>Lade %1 von %2 nach %3 herunter</translation>
    </message>
    <message>
        <source>Downloaded %1 (%2 bytes in %3 ms)</source>
        <translation>%1 heruntergeladen (%2 Byte in %3 ms)</translation>
    </message>
    <message>
        <source>Reconnecting to %1 to continue %2 at byte %3</source>
        <translation>Verbinde erneut mit %1, um %2 ab Byte %3 fortzusetzen</translation>
    </message>
    <message>
        <source>Connecting to %1 was cancelled</source>
        <translation>Verbindungsaufbau zu %1 wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>SyncProtocol</name>
    <message>
        <source>Host %1 sent a listing the console cannot read: %2</source>
        <translation>Host %1 hat eine Auflistung gesendet, die die Konsole nicht lesen kann: %2</translation>
    </message>
    <message>
        <source>a record is cut short (the connection may have dropped)</source>
        <translation>ein Datensatz ist abgeschnitten (die Verbindung ist möglicherweise abgebrochen)</translation>
    </message>
    <message>
        <source>an empty record</source>
        <translation>ein leerer Datensatz</translation>
    </message>
    <message>
        <source>Host %1: %2</source>
        <translation>Host %1: %2</translation>
    </message>
    <message>
        <source>unknown protocol header</source>
        <translation>unbekannter Protokollkopf</translation>
    </message>
    <message>
        <source>a file record has %1 fields instead of 4</source>
        <translation>ein Dateidatensatz hat %1 Felder statt 4</translation>
    </message>
    <message>
        <source>bad size or time for %1</source>
        <translation>ungültige Größe oder Zeit für %1</translation>
    </message>
    <message>
        <source>catalog record before header</source>
        <translation>Katalogdatensatz vor dem Kopf</translation>
    </message>
    <message>
        <source>more catalog bytes than announced</source>
        <translation>mehr Katalog-Bytes als angekündigt</translation>
    </message>
    <message>
        <source>unknown record type &apos;%1&apos;</source>
        <translation>unbekannter Datensatztyp „%1“</translation>
    </message>
    <message>
        <source>the catalog record is missing (the output was cut short)</source>
        <translation>der Katalogdatensatz fehlt (die Ausgabe wurde abgeschnitten)</translation>
    </message>
    <message>
        <source>no output (is /bin/sh with GNU find available?)</source>
        <translation>keine Ausgabe (ist /bin/sh mit GNU find verfügbar?)</translation>
    </message>
    <message>
        <source>the listing record has %1 fields instead of 3</source>
        <translation>der Auflistungs-Datensatz hat %1 Felder statt 3</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>%1: download of %2 cancelled</source>
        <translation>%1: Herunterladen von %2 abgebrochen</translation>
    </message>
</context>
<context>
    <name>VerificationCounts</name>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n Tabelle</numerusform>
            <numerusform>%n Tabellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkstationVerifier</name>
    <message>
        <source>%1 vanished from %2 before it could be downloaded: %3</source>
        <translation>%1 ist von %2 verschwunden, bevor es heruntergeladen werden konnte: %3</translation>
    </message>
    <message>
        <source>Could not download %1 from %2: %3</source>
        <translation>%1 konnte nicht von %2 heruntergeladen werden: %3</translation>
    </message>
    <message>
        <source>downloaded over SFTP: %1 MB in %2 s%3</source>
        <translation>über SFTP heruntergeladen: %1 MB in %2 s%3</translation>
    </message>
    <message>
        <source>, resumed at byte %1</source>
        <translation>, fortgesetzt ab Byte %1</translation>
    </message>
    <message>
        <source>%1 has no file %2, and the catalog no backup of that name</source>
        <translation>%1 hat keine Datei %2, und der Katalog keine Sicherung dieses Namens</translation>
    </message>
    <message>
        <source>%1 from %2 is being verified on this workstation already; try again when that has finished</source>
        <translation>%1 von %2 wird auf diesem Arbeitsplatzrechner bereits geprüft; versuchen Sie es erneut, wenn diese Prüfung beendet ist</translation>
    </message>
    <message>
        <source>the copy resumed at byte %1 did not match the file on %2 now; downloaded again whole</source>
        <translation>die bei Byte %1 fortgesetzte Kopie stimmte nicht mehr mit der Datei auf %2 überein; vollständig neu heruntergeladen</translation>
    </message>
    <message>
        <source>Cannot create the download folder %1</source>
        <translation>Der Download-Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write in the download folder %1 (no permission, or the disk is full)</source>
        <translation>Im Download-Ordner %1 kann nicht geschrieben werden (keine Berechtigung, oder das Laufwerk ist voll)</translation>
    </message>
    <message>
        <source>the copy resumed at byte %1 could not be checked against the file on %2 (%3); downloaded again whole</source>
        <translation>die bei Byte %1 fortgesetzte Kopie ließ sich nicht mit der Datei auf %2 vergleichen (%3); vollständig neu heruntergeladen</translation>
    </message>
</context>
<context>
    <name>dr::BackupHistoryModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
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
        <translation>%1 (UTC %2)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
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
        <translation>In der catalog.jsonl des Host-Werkzeugs erfasst</translation>
    </message>
    <message>
        <source>Found by name only: no catalog line from the host tool</source>
        <translation>Nur am Namen erkannt: keine Katalogzeile vom Host-Werkzeug</translation>
    </message>
    <message>
        <source>method not recorded</source>
        <translation>Methode nicht erfasst</translation>
    </message>
    <message>
        <source>Last proved good %1 (%2)</source>
        <translation>Zuletzt als gut nachgewiesen am %1 (%2)</translation>
    </message>
    <message>
        <source>Never proved good</source>
        <translation>Nie als gut nachgewiesen</translation>
    </message>
    <message>
        <source>Last verification %1: %2 (%3)%4</source>
        <translation>Letzte Prüfung am %1: %2 (%3)%4</translation>
    </message>
    <message>
        <source>Last proved good</source>
        <translation>Zuletzt nachgewiesen</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Zuletzt geprüft</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Proof level</source>
        <translation>Nachweisstufe</translation>
    </message>
    <message>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>inkrementell</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>config</source>
        <translation>Konfiguration</translation>
    </message>
    <message numerus="yes">
        <source>Stale: not proved good within the host&apos;s verification interval (%n day(s))</source>
        <translation>
            <numerusform>Veraltet: nicht innerhalb des Prüfintervalls des Hosts (%n Tag) als gut nachgewiesen</numerusform>
            <numerusform>Veraltet: nicht innerhalb des Prüfintervalls des Hosts (%n Tage) als gut nachgewiesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::BackupKeyStore</name>
    <message>
        <source>no system keychain in this build or session</source>
        <translation>kein System-Schlüsselbund in diesem Build oder dieser Sitzung</translation>
    </message>
</context>
<context>
    <name>dr::CommandLogModel</name>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>stderr</source>
        <translation>stderr</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
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
        <translation>Bewerte alle Hosts…</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s): %1 compliant, %2 at risk, %3 not compliant</source>
        <translation>
            <numerusform>%n Host: %1 konform, %2 gefährdet, %3 nicht konform</numerusform>
            <numerusform>%n Hosts: %1 konform, %2 gefährdet, %3 nicht konform</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::ConsoleWindow</name>
    <message>
        <source>DR Console</source>
        <translation>DR Console</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>synchronisiere…</translation>
    </message>
    <message>
        <source>installing the host tool…</source>
        <translation>installiere Host-Werkzeug…</translation>
    </message>
    <message>
        <source>&amp;Add host…</source>
        <translation>Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit host…</source>
        <translation>Host bea&amp;rbeiten…</translation>
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
        <translation>Abbre&amp;chen</translation>
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
        <translation>unbekannt (nicht verwaltet)</translation>
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
        <translation>Kein Host ausgewählt. Fügen Sie einen über Host &gt; Host hinzufügen hinzu.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2%3</translation>
    </message>
    <message>
        <source> — host tool not installed</source>
        <translation> — Host-Werkzeug nicht installiert</translation>
    </message>
    <message>
        <source> — host tool %1</source>
        <translation> — Host-Werkzeug %1</translation>
    </message>
    <message>
        <source>%1 of %2 backups</source>
        <translation>%1 von %2 Sicherungen</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>Added host %1</source>
        <translation>Host %1 hinzugefügt</translation>
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
        <translation>Host %1 und den Verlauf, den die Konsole über ihn führt, entfernen? Auf dem Host selbst wird nichts verändert.</translation>
    </message>
    <message>
        <source>Install host tool</source>
        <translation>Host-Werkzeug installieren</translation>
    </message>
    <message>
        <source>Copy backup-system.sh and health-check.sh to %1 on host %2 (replacing what is there)?</source>
        <translation>backup-system.sh und health-check.sh nach %1 auf Host %2 kopieren (vorhandene Dateien werden ersetzt)?</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Host key changed: %1</source>
        <translation>Host-Schlüssel geändert: %1</translation>
    </message>
    <message>
        <source>Password of %1 (kept in memory for this session only):</source>
        <translation>Passwort von %1 (wird nur für diese Sitzung im Speicher gehalten):</translation>
    </message>
    <message>
        <source>Demo host</source>
        <translation>Demo-Host</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect to the host: check its key and the credentials, run nothing</source>
        <translation>Mit dem Host verbinden: Schlüssel und Anmeldedaten prüfen, nichts ausführen</translation>
    </message>
    <message>
        <source>Cancel the selected host&apos;s running sync</source>
        <translation>Laufende Synchronisierung des ausgewählten Hosts abbrechen</translation>
    </message>
    <message>
        <source>Open the &amp;demo host</source>
        <translation>&amp;Demo-Host öffnen</translation>
    </message>
    <message>
        <source>A console of its own on a demo host built on this computer; needs no server</source>
        <translation>Eine eigene Konsole für einen auf diesem Computer erstellten Demo-Host; braucht keinen Server</translation>
    </message>
    <message>
        <source>Cannot start %1 --demo</source>
        <translation>%1 --demo kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>The console refused to connect to host %1 because its host key changed.</source>
        <translation>Die Konsole hat die Verbindung zu Host %1 verweigert, weil sich sein Host-Schlüssel geändert hat.</translation>
    </message>
    <message>
        <source>Passphrase of the key %1 (kept in memory for this session only):</source>
        <translation>Passphrase des Schlüssels %1 (wird nur für diese Sitzung im Speicher gehalten):</translation>
    </message>
    <message>
        <source>Host %1 refused that password.</source>
        <translation>Host %1 hat dieses Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>That passphrase does not open the key %1.</source>
        <translation>Diese Passphrase öffnet den Schlüssel %1 nicht.</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>Key passphrase for %1</source>
        <translation>Schlüssel-Passphrase für %1</translation>
    </message>
    <message>
        <source>Building the demo host in %1…</source>
        <translation>Demo-Host wird in %1 erstellt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>verifying…</source>
        <translation>prüfe…</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Deep verification</source>
        <translation>Tiefenprüfung</translation>
    </message>
    <message>
        <source>the newest backups</source>
        <translation>die neuesten Sicherungen</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n Sicherung</numerusform>
            <numerusform>%n Sicherungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup key of %1 kept in the system keychain</source>
        <translation>Sicherungsschlüssel von %1 im System-Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Could not keep the backup key of %1 in the system keychain (%2); it stays in memory for this session</source>
        <translation>Der Sicherungsschlüssel von %1 konnte nicht im System-Schlüsselbund gespeichert werden (%2); er bleibt für diese Sitzung im Speicher</translation>
    </message>
    <message>
        <source>Backup key for %1</source>
        <translation>Sicherungsschlüssel für %1</translation>
    </message>
    <message>
        <source>Also keep it in the system keychain</source>
        <translation>Zusätzlich im System-Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>The backup key for %1 does not open its encrypted backups; it was forgotten and will be asked for again</source>
        <translation>Der Sicherungsschlüssel für %1 öffnet dessen verschlüsselte Sicherungen nicht; er wurde verworfen und wird erneut abgefragt</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Verify %1 deeply on host %2? Each is checked by what it holds: a PostgreSQL dump is restored into a throwaway database there (dropped afterwards), a SQLite database has its rows counted, an archive is extracted into a temporary folder. Your databases are not touched, but the host does the work of a restore.</source>
        <translation>%1 auf Host %2 tiefgehend prüfen? Jede wird nach ihrem Inhalt geprüft: ein PostgreSQL-Dump wird dort in eine temporäre Datenbank wiederhergestellt (danach gelöscht), bei einer SQLite-Datenbank werden die Zeilen gezählt, ein Archiv wird in einen temporären Ordner entpackt. Ihre Datenbanken bleiben unberührt, aber der Host leistet die Arbeit einer Wiederherstellung.</translation>
    </message>
    <message>
        <source>Some of these backups are encrypted (openssl enc -aes-256-cbc -pbkdf2). Enter the backup encryption key of host %1.</source>
        <translation>Einige dieser Sicherungen sind verschlüsselt (openssl enc -aes-256-cbc -pbkdf2). Geben Sie den Sicherungsschlüssel von Host %1 ein.</translation>
    </message>
    <message>
        <source>It is kept in memory for this session, and in the system keychain if you tick the box below; it is never written to a file.</source>
        <translation>Er bleibt für diese Sitzung im Speicher und, wenn Sie das Kästchen unten ankreuzen, im Schlüsselbund des Systems; in eine Datei wird er nie geschrieben.</translation>
    </message>
    <message>
        <source>It is kept in memory for this session only, never written to a file: the system keychain cannot keep it here (%1).</source>
        <translation>Er bleibt nur für diese Sitzung im Speicher und wird nie in eine Datei geschrieben: der Schlüsselbund des Systems kann ihn hier nicht aufbewahren (%1).</translation>
    </message>
    <message>
        <source>this build has no keychain support, or DRCONSOLE_NO_KEYCHAIN is set</source>
        <translation>dieser Build unterstützt keinen Schlüsselbund, oder DRCONSOLE_NO_KEYCHAIN ist gesetzt</translation>
    </message>
</context>
<context>
    <name>dr::DemoHost</name>
    <message>
        <source>Building the demo host: %1</source>
        <translation>Erstelle Demo-Host: %1</translation>
    </message>
    <message>
        <source>Building the demo host in %1 failed (exit code %2): %3</source>
        <translation>Erstellen des Demo-Hosts in %1 fehlgeschlagen (Exit-Code %2): %3</translation>
    </message>
    <message>
        <source>Cannot run the demo builder: %1</source>
        <translation>Der Demo-Builder kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>The demo builder %1 is missing: the host tool was not installed with the console.</source>
        <translation>Der Demo-Builder %1 fehlt: das Host-Werkzeug wurde nicht mit der Konsole installiert.</translation>
    </message>
    <message>
        <source>Building the demo host in %1…</source>
        <translation>Demo-Host wird in %1 erstellt…</translation>
    </message>
    <message>
        <source>Building the demo host in %1 was cancelled; it is rebuilt from scratch next time.</source>
        <translation>Erstellen des Demo-Hosts in %1 wurde abgebrochen; er wird beim nächsten Mal von Grund auf neu erstellt.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
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
        <translation>keine Sicherung</translation>
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
        <translation>RPO-Exposition jetzt (Ziel)</translation>
    </message>
    <message>
        <source>RPO met</source>
        <translation>RPO eingehalten</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>3-2-1</source>
        <translation>3-2-1</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>%1 %2 (%3)%4</source>
        <translation>%1 %2 (%3)%4</translation>
    </message>
    <message>
        <source> ✗</source>
        <translation> ✗</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>✗</source>
        <translation>✗</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>%1 too old, %2 days missing</source>
        <translation>%1 zu alt, fehlende Tage: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n without remote copy</source>
        <translation>
            <numerusform>%n ohne externe Kopie</numerusform>
            <numerusform>%n ohne externe Kopie</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>%1: no backup</source>
        <translation>%1: keine Sicherung</translation>
    </message>
    <message>
        <source>%1: exposed %2, breaches its %3 target in %4 unless a backup arrives</source>
        <translation>%1: Exposition %2, noch %4 bis zur Verletzung des Ziels %3, falls keine Sicherung eintrifft</translation>
    </message>
    <message>
        <source>%1: exposed %2, over its %3 target since %4</source>
        <translation>%1: Exposition %2, seit %4 über dem Ziel %3</translation>
    </message>
    <message>
        <source>Recovery set: the host is only as recoverable as its oldest component; last backups are %1 apart.</source>
        <translation>Wiederherstellungssatz: der Host ist nur so gut wiederherstellbar wie seine älteste Komponente; die letzten Sicherungen liegen %1 auseinander.</translation>
    </message>
    <message>
        <source>%1 % (%2)</source>
        <translation>%1 % (%2)</translation>
    </message>
    <message>
        <source>%1: RPO met %2 % of the window</source>
        <translation>%1: RPO in %2 % des Zeitraums eingehalten</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n weiterer)</numerusform>
            <numerusform>%1 (+%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest verified backup (made at)</source>
        <translation>Neueste geprüfte Sicherung (erstellt am)</translation>
    </message>
    <message>
        <source>Last restore or drill (RTO)</source>
        <translation>Letzte Wiederherstellung oder Übung (RTO)</translation>
    </message>
    <message>
        <source>monthly test overdue</source>
        <translation>monatlicher Test überfällig</translation>
    </message>
    <message>
        <source>quarterly drill overdue</source>
        <translation>vierteljährliche Übung überfällig</translation>
    </message>
    <message>
        <source>%1 %2 of %3: %4 / %5 %6</source>
        <translation>%1 %2 für %3: %4 / %5 %6</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>Wiederherstellung</translation>
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
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <source>%1
%2, %3 bytes, %4, verification: %5</source>
        <translation>%1
%2, %3 Byte, %4, Prüfung: %5</translation>
    </message>
    <message>
        <source>kind unknown</source>
        <translation>Art unbekannt</translation>
    </message>
    <message>
        <source>RPO exposure of %1 (hours)</source>
        <translation>RPO-Exposition von %1 (Stunden)</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <source>Violation (exposure above target)</source>
        <translation>Verletzung (Exposition über dem Ziel)</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>hours since the last backup</source>
        <translation>Stunden seit der letzten Sicherung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Far smaller than usual</source>
        <translation>Viel kleiner als üblich</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Duration of %1 backups (seconds)</source>
        <translation>Dauer der %1-Sicherungen (Sekunden)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Duration of %1 backups: none recorded (unmanaged backups carry no duration)</source>
        <translation>Dauer der %1-Sicherungen: keine erfasst (nicht verwaltete Sicherungen haben keine Dauer)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>Prüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Restore and drill durations against the RTO target (minutes)</source>
        <translation>Dauer von Wiederherstellungen und Übungen im Vergleich zum RTO-Ziel (Minuten)</translation>
    </message>
    <message>
        <source>%1 target</source>
        <translation>%1 (Ziel)</translation>
    </message>
    <message>
        <source>%1: %2 min on %3</source>
        <translation>%1: %2 min am %3</translation>
    </message>
    <message>
        <source>No restore or drill recorded yet: RTO unmeasured</source>
        <translation>Noch keine Wiederherstellung oder Übung erfasst: RTO nicht gemessen</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Size of %1 backups</source>
        <translation>Größe der Sicherungen von %1</translation>
    </message>
    <message>
        <source>kB</source>
        <translation>kB</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>Outcomes per week</source>
        <translation>Ergebnisse pro Woche</translation>
    </message>
</context>
<context>
    <name>dr::HostEditDialog</name>
    <message>
        <source>Edit host %1</source>
        <translation>Host %1 bearbeiten</translation>
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
        <translation>Passwort (in jeder Sitzung abgefragt, nie gespeichert)</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>RTO (min)</source>
        <translation>RTO (min)</translation>
    </message>
    <message>
        <source>RPO (min)</source>
        <translation>RPO (min)</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>Folder of the local host</source>
        <translation>Ordner des lokalen Hosts</translation>
    </message>
    <message>
        <source>%1 of %2: &quot;%3&quot; is not a number of minutes.</source>
        <translation>%1 für %2: „%3“ ist keine Minutenzahl.</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>RPO</source>
        <translation>RPO</translation>
    </message>
</context>
<context>
    <name>dr::HostKeyDialog</name>
    <message>
        <source>Unknown host key: %1</source>
        <translation>Unbekannter Host-Schlüssel: %1</translation>
    </message>
</context>
<context>
    <name>dr::HostListModel</name>
    <message>
        <source>synced %1</source>
        <translation>synchronisiert am %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nie synchronisiert</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>arbeite…</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>connected, %1</source>
        <translation>verbunden, %1</translation>
    </message>
    <message>
        <source>host tool: %1</source>
        <translation>Host-Werkzeug: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) in the catalog</source>
        <translation>
            <numerusform>%n Sicherung im Katalog</numerusform>
            <numerusform>%n Sicherungen im Katalog</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) failed verification</source>
        <translation>
            <numerusform>%n Sicherung hat die Prüfung nicht bestanden</numerusform>
            <numerusform>%n Sicherungen haben die Prüfung nicht bestanden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dr::HostWorker</name>
    <message>
        <source>Host %1 cannot be reached by this build</source>
        <translation>Host %1 ist mit diesem Build nicht erreichbar</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 gone, %4 new catalog events%5</source>
        <translation>%1 neu, %2 geändert, %3 entfernt, %4 neue Katalogereignisse%5</translation>
    </message>
    <message>
        <source> (folders unchanged)</source>
        <translation> (Ordner unverändert)</translation>
    </message>
    <message>
        <source>Synced: %1</source>
        <translation>Synchronisiert: %1</translation>
    </message>
    <message>
        <source>Host %1 cannot be reached</source>
        <translation>Host %1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>now runs %1</source>
        <translation>läuft jetzt mit %1</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>verbunden mit %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Mit %1 verbunden</translation>
    </message>
    <message>
        <source>Verification job %1 on host %2 ended with exit code %3 without results; see the log</source>
        <translation>Prüfjob %1 auf Host %2 endete mit Exit-Code %3 ohne Ergebnisse; siehe Protokoll</translation>
    </message>
    <message>
        <source>verified on the host: %1 passed, %2 failed, %3 could not be verified</source>
        <translation>auf dem Host geprüft: %1 bestanden, %2 fehlgeschlagen, %3 nicht prüfbar</translation>
    </message>
    <message>
        <source>Verifying %1 on this workstation (%2 of %3)</source>
        <translation>Prüfe %1 auf diesem Arbeitsplatzrechner (%2 von %3)</translation>
    </message>
    <message>
        <source>Verification of %1 cancelled</source>
        <translation>Prüfung von %1 abgebrochen</translation>
    </message>
    <message>
        <source>on the workstation: %1</source>
        <translation>auf dem Arbeitsplatzrechner: %1</translation>
    </message>
    <message>
        <source>Verification on this workstation cancelled after %1 of %2 backups; a partial download is kept and continues next time</source>
        <translation>Prüfung auf diesem Arbeitsplatzrechner nach %1 von %2 Sicherungen abgebrochen; ein teilweiser Download bleibt erhalten und wird beim nächsten Mal fortgesetzt</translation>
    </message>
    <message>
        <source>verified on this workstation: %1 passed, %2 failed, %3 could not be verified</source>
        <translation>auf diesem Arbeitsplatzrechner geprüft: %1 bestanden, %2 fehlgeschlagen, %3 nicht prüfbar</translation>
    </message>
    <message>
        <source>Verification job %1 started on %2 (part %3 of %4)</source>
        <translation>Prüfjob %1 auf %2 gestartet (Teil %3 von %4)</translation>
    </message>
    <message numerus="yes">
        <source>on the host, job %1: %n backup(s)</source>
        <translation>
            <numerusform>auf dem Host, Job %1: %n Sicherung</numerusform>
            <numerusform>auf dem Host, Job %1: %n Sicherungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Host %1 could not stop verification job %2: it goes on there and its results arrive with the next sync</source>
        <translation>Host %1 konnte den Prüfauftrag %2 nicht anhalten: Er läuft dort weiter, und seine Ergebnisse kommen mit der nächsten Synchronisierung</translation>
    </message>
    <message>
        <source>Cancelled verification job %1 on host %2; the backups it verified before it stopped are in the catalog</source>
        <translation>Prüfauftrag %1 auf Host %2 abgebrochen; die Sicherungen, die er bis dahin geprüft hat, stehen im Katalog</translation>
    </message>
    <message>
        <source>Verification job %1 on host %2 had already ended; its results are in the catalog</source>
        <translation>Prüfauftrag %1 auf Host %2 war schon beendet; seine Ergebnisse stehen im Katalog</translation>
    </message>
    <message>
        <source>Stopped verification job %1 on host %2; what it verified before arrives with the next sync</source>
        <translation>Prüfauftrag %1 auf Host %2 abgebrochen; was er bis dahin geprüft hat, kommt mit der nächsten Synchronisierung</translation>
    </message>
    <message>
        <source>Verifying the newest backup of each component: %1</source>
        <translation>Geprüft wird die neueste Sicherung jeder Komponente: %1</translation>
    </message>
    <message>
        <source>The verification ended on host %1, but its results could not be brought over: they arrive with the next sync</source>
        <translation>Die Prüfung auf Host %1 ist beendet, aber ihre Ergebnisse ließen sich nicht übertragen: sie kommen mit der nächsten Synchronisierung</translation>
    </message>
    <message>
        <source>%1: %2 (%3, level %4, %5 ms%6)</source>
        <translation>%1: %2 (%3, Stufe %4, %5 ms%6)</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>The backup key for %1 opened other backups but not %2: kept; those may be encrypted with another key</source>
        <translation>Der Sicherungsschlüssel für %1 öffnete andere Sicherungen, aber nicht %2: er bleibt gespeichert; diese sind vielleicht mit einem anderen Schlüssel verschlüsselt</translation>
    </message>
</context>
<context>
    <name>dr::VerificationPanel</name>
    <message>
        <source>Verify latest</source>
        <translation>Neueste prüfen</translation>
    </message>
    <message>
        <source>Verify selected</source>
        <translation>Auswahl prüfen</translation>
    </message>
    <message>
        <source>Verify all not proven in</source>
        <translation>Alle prüfen ohne Nachweis in den letzten</translation>
    </message>
    <message>
        <source>Deep (restore into a throwaway database)</source>
        <translation>Tiefenprüfung (Wiederherstellung in eine temporäre Datenbank)</translation>
    </message>
    <message>
        <source>Verify selected on this workstation</source>
        <translation>Auswahl auf diesem Arbeitsplatzrechner prüfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>All backups</source>
        <translation>Alle Sicherungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>Nie geprüft</translation>
    </message>
    <message>
        <source>Proof stale</source>
        <translation>Nachweis veraltet</translation>
    </message>
    <message>
        <source>Not proven now</source>
        <translation>Derzeit ohne Nachweis</translation>
    </message>
    <message>
        <source>Proven good</source>
        <translation>Nachweislich gut</translation>
    </message>
    <message>
        <source>Filter by file name…</source>
        <translation>Nach Dateiname filtern…</translation>
    </message>
    <message>
        <source>The host tool verifies the selected backups, as a job on the host</source>
        <translation>Das Host-Werkzeug prüft die ausgewählten Sicherungen, als Job auf dem Host</translation>
    </message>
    <message>
        <source>The host tool verifies every backup never proven good, or last proven longer ago than this</source>
        <translation>Das Host-Werkzeug prüft jede Sicherung, die nie als gut nachgewiesen wurde oder deren letzter Nachweis länger zurückliegt als angegeben</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Download the selected backups (SFTP, resumable) and verify them on this computer: for a host you do not trust, or to prove the copy</source>
        <translation>Die ausgewählten Sicherungen herunterladen (SFTP, fortsetzbar) und auf diesem Computer prüfen: für einen Host, dem Sie nicht vertrauen, oder um die Kopie nachzuweisen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Reason / details</source>
        <translation>Grund / Details</translation>
    </message>
    <message>
        <source>Select a backup to see every verification of it.</source>
        <translation>Wählen Sie eine Sicherung aus, um alle ihre Prüfungen zu sehen.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>On the host:</source>
        <translation>Auf dem Host:</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>%1 %2 (%3 of %4): %5 of %6 at %7/s</source>
        <translation>%1 %2 (%3 von %4): %5 von %6 mit %7/s</translation>
    </message>
    <message>
        <source>Verifications of %1</source>
        <translation>Prüfungen von %1</translation>
    </message>
    <message>
        <source>%1 was never verified.</source>
        <translation>%1 wurde nie geprüft.</translation>
    </message>
    <message>
        <source>Verifications of %1 (%2), newest first</source>
        <translation>Prüfungen von %1 (%2), neueste zuerst</translation>
    </message>
    <message>
        <source>workstation</source>
        <translation>Arbeitsplatzrechner</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>On the host: PostgreSQL dumps are restored into a throwaway database and counted, SQLite tables are counted, archives are extracted into a temporary folder. On this workstation: SQLite tables are counted and dumps are restored on the scratch PostgreSQL server named by DRCONSOLE_SCRATCH_SERVER.</source>
        <translation>Auf dem Host: PostgreSQL-Dumps werden in eine temporäre Datenbank wiederhergestellt und gezählt, SQLite-Tabellen werden gezählt, Archive werden in einen temporären Ordner entpackt. Auf diesem Arbeitsplatzrechner: SQLite-Tabellen werden gezählt, und Dumps werden auf dem Scratch-PostgreSQL-Server wiederhergestellt, den DRCONSOLE_SCRATCH_SERVER angibt.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncs, then the host tool verifies the newest backup of each component in every folder of the host, as a job on the host</source>
        <translation>Synchronisiert, dann prüft das Host-Werkzeug die neueste Sicherung jeder Komponente in jedem Ordner des Hosts, als Auftrag auf dem Host</translation>
    </message>
    <message numerus="yes">
        <source>All %n backup(s): %1 proven · %2 with a stale proof (older than %3) · %4 failed · %5 never verified</source>
        <translation>
            <numerusform>Die einzige Sicherung: %1 nachgewiesen · %2 mit veraltetem Nachweis (älter als %3) · %4 fehlgeschlagen · %5 nie geprüft</numerusform>
            <numerusform>Alle %n Sicherungen: %1 nachgewiesen · %2 mit veraltetem Nachweis (älter als %3) · %4 fehlgeschlagen · %5 nie geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No backups in the catalog yet: Sync lists them.</source>
        <translation>Noch keine Sicherungen im Katalog: Synchronisieren listet sie auf.</translation>
    </message>
    <message>
        <source>Could not verify</source>
        <translation>Nicht prüfbar</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be verified</source>
        <translation>
            <numerusform>%n nicht prüfbar</numerusform>
            <numerusform>%n nicht prüfbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every backup was proven good within the last %n day(s): nothing to verify.</source>
        <translation>
            <numerusform>Jede Sicherung wurde innerhalb des letzten Tages als gut nachgewiesen: nichts zu prüfen.</numerusform>
            <numerusform>Jede Sicherung wurde innerhalb der letzten %n Tage als gut nachgewiesen: nichts zu prüfen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Backup and disaster recovery console</source>
        <translation>Konsole für Sicherung und Notfallwiederherstellung</translation>
    </message>
    <message>
        <source>Open the embedded demo host (needs no server).</source>
        <translation>Den eingebetteten Demo-Host öffnen (braucht keinen Server).</translation>
    </message>
    <message>
        <source>Catalog file.</source>
        <translation>Katalogdatei.</translation>
    </message>
    <message>
        <source>Sync every host at start.</source>
        <translation>Beim Start alle Hosts synchronisieren.</translation>
    </message>
    <message>
        <source>DR Console — demo</source>
        <translation>DR Console — Demo</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the first sync has ended, then quit.</source>
        <translation>Nach der ersten Synchronisierung ein Bild des Fensters in FILE speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Open on tab N (0 backups, 1 verification, 2 compliance, 3 charts).</source>
        <translation>Mit Reiter N öffnen (0 Sicherungen, 1 Prüfung, 2 Konformität, 3 Diagramme).</translation>
    </message>
</context>
</TS>
