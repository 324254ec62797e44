# .deb of the console, its command line and the host tool (installed under share/drconsole/host).
set(CPACK_PACKAGE_NAME drconsole)
set(CPACK_PACKAGE_VENDOR "DR Console")
set(CPACK_PACKAGE_CONTACT "DR Console maintainers <maintainers@drconsole.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Backup and disaster recovery console (RTO/RPO, verification, guided restores)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# shlibdeps does not see Qt's plugins: the SQL drivers, the platform plugins and the SVG icon engine.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins, libqt6svg6, sqlite3, openssl, gzip, tar")
# QtKeychain opens libsecret at run time (not seen by shlibdeps): without it the console asks for backup keys
# every session instead of keeping them in the desktop's keychain. Qt's own translations put Qt's buttons and file
# dialogs in the user's language ("Abbrechen", not "Cancel", in the German console).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libsecret-1-0, qt6-translations-l10n")
# redis-check-rdb and pg_restore: verifying a Redis snapshot or a custom-format dump on this computer reaches the
# integrity level with them.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "redis-tools, postgresql-client")
set(CPACK_GENERATOR DEB)
include(CPack)
