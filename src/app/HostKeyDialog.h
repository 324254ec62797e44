#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class HostKeyDialog;
}

namespace dr {

/// Shows an unknown host key's fingerprint; Refuse is the default, so Enter never accepts by accident.
class HostKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyDialog)

public:
    HostKeyDialog(
        const QString& hostName, const QString& message, const QString& fingerprint, QWidget* parent = nullptr);
    ~HostKeyDialog() override;

private:
    std::unique_ptr<Ui::HostKeyDialog> m_ui;
};

} // namespace dr
