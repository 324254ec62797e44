#include "core/BackupRecord.h"

namespace dr {

QString verifyStateId(VerifyState state)
{
    switch (state) {
    case VerifyState::Passed:
        return QStringLiteral("passed");
    case VerifyState::Failed:
        return QStringLiteral("failed");
    case VerifyState::Error:
        return QStringLiteral("error");
    case VerifyState::Unverified:
        break;
    }
    return QStringLiteral("unverified");
}

VerifyState verifyStateFromId(const QString& id)
{
    if (id == QLatin1String("passed"))
        return VerifyState::Passed;
    if (id == QLatin1String("failed"))
        return VerifyState::Failed;
    if (id == QLatin1String("error"))
        return VerifyState::Error;
    return VerifyState::Unverified;
}

} // namespace dr
